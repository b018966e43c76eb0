using System.Globalization;
using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Disclosure;

/// <summary>Parses security.txt files (RFC 9116) and finds them in a repository.</summary>
public static class SecurityTxt
{
    /// <summary>Where RFC 9116 puts the file (preferred first), as repository paths.</summary>
    public static IReadOnlyList<string> Locations { get; } = ["/.well-known/security.txt", "/security.txt"];

    private const int MaxFields = 1000;
    private const string NestedSuffix = "/.well-known/security.txt";
    private const string SignedHeader = "-----BEGIN PGP SIGNED MESSAGE-----";
    private const string SignatureHeader = "-----BEGIN PGP SIGNATURE-----";

    private static readonly string[] KnownFields =
        ["Acknowledgments", "Canonical", "Contact", "CSAF", "Encryption", "Expires", "Hiring", "Policy", "Preferred-Languages"];

    private static readonly string[] ExpiresFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>
    /// Reads the first security.txt found at <see cref="Locations"/>, else the first <c>.well-known/security.txt</c> deeper
    /// in the tree; null when there is none.
    /// </summary>
    public static SecurityTxtDocument? Find(IRepositoryFiles files, DateTimeOffset referenceTime)
    {
        ArgumentNullException.ThrowIfNull(files);
        var paths = TextScan.SortedPaths(files);
        foreach (var location in Locations)
        {
            // Match case-insensitively but read with the path as the view spells it.
            var actual = paths.FirstOrDefault(p => p.Equals(location, StringComparison.OrdinalIgnoreCase));
            if (actual is not null && TextScan.Read(files, actual) is { } text)
            {
                return Parse(text, referenceTime) with { Path = actual };
            }
        }

        // A repository that holds the product's web site keeps the file in the site's folder (www/.well-known/security.txt).
        foreach (var nested in paths.Where(p => p.Length > NestedSuffix.Length && p.EndsWith(NestedSuffix, StringComparison.OrdinalIgnoreCase)))
        {
            if (TextScan.Read(files, nested) is { } text)
            {
                return Parse(text, referenceTime) with { Path = nested };
            }
        }

        return null;
    }

    /// <summary>Parses security.txt text; never throws for malformed content.</summary>
    public static SecurityTxtDocument Parse(string text, DateTimeOffset referenceTime)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<SecurityTxtProblem>();
        var lines = TextScan.Lines(text);
        var body = Unwrap(lines, problems, out var signed);

        var fields = new List<SecurityTxtField>();
        foreach (var (number, raw) in body)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IsToken(line.AsSpan(0, colon)))
            {
                problems.Add(new(SecurityTxtProblemKind.MalformedLine, number, TextScan.Excerpt(line)));
                continue;
            }

            if (fields.Count < MaxFields)
            {
                fields.Add(new SecurityTxtField(line[..colon], line[(colon + 1)..].Trim(), number));
            }
        }

        CheckFields(fields, problems);
        var expires = CheckExpires(fields, referenceTime, problems);
        problems.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Kind.CompareTo(b.Kind));
        return new SecurityTxtDocument { Fields = fields, Expires = expires, IsSigned = signed, Problems = problems };
    }

    /// <summary>Strips PGP cleartext-signature armor when present, keeping original line numbers.</summary>
    private static List<(int Number, string Text)> Unwrap(List<(int Number, string Text)> lines, List<SecurityTxtProblem> problems, out bool signed)
    {
        var first = lines.FindIndex(l => l.Text.Trim().Length > 0);
        signed = first >= 0 && lines[first].Text.Trim() == SignedHeader;
        if (!signed)
        {
            return lines;
        }

        // Armor headers (such as "Hash: SHA256") run until the first blank line; the signed text follows.
        var start = lines.FindIndex(first + 1, l => l.Text.Trim().Length == 0);
        var end = start < 0 ? -1 : lines.FindIndex(start + 1, l => l.Text.Trim() == SignatureHeader);
        if (start < 0 || end < 0)
        {
            problems.Add(new(SecurityTxtProblemKind.BrokenSignatureArmor, lines[first].Number, "cleartext signature block is incomplete"));
            return start < 0 ? [] : lines.Skip(start + 1).ToList();
        }

        // RFC 4880 dash-escapes signed lines that begin with '-'.
        return lines.Skip(start + 1).Take(end - start - 1)
            .Select(l => (l.Number, l.Text.StartsWith("- ", StringComparison.Ordinal) ? l.Text[2..] : l.Text))
            .ToList();
    }

    private static void CheckFields(List<SecurityTxtField> fields, List<SecurityTxtProblem> problems)
    {
        foreach (var field in fields)
        {
            var known = Array.Find(KnownFields, k => k.Equals(field.Name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add(new(SecurityTxtProblemKind.UnknownField, field.Line, field.Name));
            }
            else if (known == "Contact" && !IsContactUri(field.Value))
            {
                problems.Add(new(SecurityTxtProblemKind.InvalidContact, field.Line, TextScan.Excerpt(field.Value)));
            }
            else if (known is not ("Contact" or "Expires" or "Preferred-Languages")
                     && field.Value.StartsWith("http:", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(SecurityTxtProblemKind.InsecureUri, field.Line, TextScan.Excerpt(field.Value)));
            }
        }

        if (!fields.Any(f => f.Name.Equals("Contact", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new(SecurityTxtProblemKind.MissingContact, 0, "no Contact field"));
        }
    }

    private static DateTimeOffset? CheckExpires(List<SecurityTxtField> fields, DateTimeOffset referenceTime, List<SecurityTxtProblem> problems)
    {
        var all = fields.Where(f => f.Name.Equals("Expires", StringComparison.OrdinalIgnoreCase)).ToList();
        if (all.Count == 0)
        {
            problems.Add(new(SecurityTxtProblemKind.MissingExpires, 0, "no Expires field"));
            return null;
        }

        foreach (var extra in all.Skip(1))
        {
            problems.Add(new(SecurityTxtProblemKind.DuplicateExpires, extra.Line, TextScan.Excerpt(extra.Value)));
        }

        DateTimeOffset? result = null;
        foreach (var field in all)
        {
            // RFC 3339 allows lower-case 't' and 'z'.
            if (!DateTimeOffset.TryParseExact(field.Value.ToUpperInvariant(), ExpiresFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var when))
            {
                problems.Add(new(SecurityTxtProblemKind.InvalidExpires, field.Line, TextScan.Excerpt(field.Value)));
                continue;
            }

            if (when < referenceTime)
            {
                problems.Add(new(SecurityTxtProblemKind.Expired, field.Line, field.Value));
            }
            else if (when > referenceTime.AddYears(1))
            {
                problems.Add(new(SecurityTxtProblemKind.ExpiresTooFarAhead, field.Line, field.Value));
            }

            result ??= when;
        }

        // With duplicates there is no single expiry to report.
        return all.Count == 1 ? result : null;
    }

    private static bool IsContactUri(string value) =>
        value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && value.Length > 7
        || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && value.Length > 8
        || value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) && value.Length > 4;

    private static bool IsToken(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
