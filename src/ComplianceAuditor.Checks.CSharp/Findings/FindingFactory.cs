using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceAuditor.Analyzers;
using ComplianceAuditor.Core.Secrets;
using ComplianceAuditor.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ComplianceAuditor.Checks.CSharp.Findings;

/// <summary>
/// Turns an analyzer diagnostic into a <see cref="SourceFinding"/>: position, the source line as evidence (with a
/// flagged credential redacted unless the audit shows secrets), the enclosing member, how it was suppressed, and a
/// key that survives edits elsewhere in the file.
/// </summary>
internal static partial class FindingFactory
{
    private const int ExcerptWindow = 200;

    /// <param name="secrets">The spans of every credential flagged in the diagnostic's file: an excerpt shows none of
    /// them, whichever finding it belongs to, unless the audit shows secrets.</param>
    public static SourceFinding Create(
        Diagnostic diagnostic, ImmutableDictionary<string, ReportDiagnostic> severities, IReadOnlyList<TextSpan> secrets, bool showSecrets)
    {
        var location = diagnostic.Location;
        var tree = location.SourceTree!;
        var span = location.GetLineSpan();
        var line = span.StartLinePosition.Line;
        var text = tree.GetText();
        var lineText = line < text.Lines.Count ? text.Lines[line].ToString() : "";
        var node = tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        var member = MemberOf(node);
        var secret = diagnostic.Id == DiagnosticIds.HardCodedCredential ? SecretValue(tree, location) : null;

        var column = span.StartLinePosition.Character;
        var flagged = location.SourceSpan.Length > 0 && text.Lines[line].End >= location.SourceSpan.End
            ? lineText.Substring(column, location.SourceSpan.Length)
            : node.ToString();
        var excerpt = showSecrets || line >= text.Lines.Count ? lineText : Redacted(tree, text.Lines[line].Span, secrets);

        var key = string.Concat(member ?? "", "|", secret is null ? Normalise(flagged) : SecretText.Identify(secret));
        return new SourceFinding(
            diagnostic.Id,
            line + 1,
            column + 1,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            DisplayText.Sanitize(Window(excerpt, column).Trim(), ExcerptWindow),
            key,
            member,
            Suppression(diagnostic, severities));
    }

    /// <summary>
    /// The line with every flagged credential on it redacted (a literal as its redacted value, the part of a
    /// multi-line one that falls on the line as a whole), and the user name, password and query of any URL.
    /// </summary>
    private static string Redacted(SyntaxTree tree, TextSpan line, IReadOnlyList<TextSpan> secrets)
    {
        var text = tree.GetText();
        var result = text.ToString(line);
        foreach (var span in secrets.Where(s => s.IntersectsWith(line) || s.Start == line.Start).OrderByDescending(s => s.Start))
        {
            var start = Math.Max(span.Start, line.Start);
            var end = Math.Min(span.End, line.End);
            // A finding on a reference to a constant declared elsewhere holds a name, not the value: nothing to hide.
            if (end < start || text.ToString(TextSpan.FromBounds(start, end)).IndexOf('"', StringComparison.Ordinal) < 0 && !IsInsideLiteral(tree, start))
            {
                continue;
            }

            var token = tree.GetRoot().FindToken(span.Start);
            var whole = token.Span == span && token.IsKind(SyntaxKind.StringLiteralToken) && start == span.Start && end == span.End;
            var replacement = whole ? Quote(SecretText.Redact(token.ValueText)) : SecretText.Redact(text.ToString(TextSpan.FromBounds(start, end)));
            result = string.Concat(result.AsSpan(0, start - line.Start), replacement, result.AsSpan(end - line.Start));
        }

        result = UrlUserInfo().Replace(result, "://…@");
        return UrlQuery().Replace(result, "$1?…");
    }

    /// <summary>The continuation line of a multi-line literal starts inside it, without a quote of its own.</summary>
    private static bool IsInsideLiteral(SyntaxTree tree, int position)
    {
        var token = tree.GetRoot().FindToken(position);
        return token.Span.Contains(position) && (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.InterpolatedStringTextToken));
    }

    /// <summary>The value of a flagged string literal, or the flagged code when it is not a single literal.</summary>
    private static string? SecretValue(SyntaxTree tree, Location location)
    {
        var token = tree.GetRoot().FindToken(location.SourceSpan.Start);
        if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.Utf8StringLiteralToken))
        {
            return token.ValueText;
        }

        // A flagged interpolation, concatenation or reference: its text stands for the value in the key.
        return tree.GetText().ToString(location.SourceSpan);
    }

    private static string? Suppression(Diagnostic diagnostic, ImmutableDictionary<string, ReportDiagnostic> severities)
    {
        if (diagnostic.IsSuppressed)
        {
            return "suppressed in source (#pragma warning disable or [SuppressMessage])";
        }

        return severities.TryGetValue(diagnostic.Id, out var severity) && severity == ReportDiagnostic.Suppress
            ? "switched off in .editorconfig (severity none)"
            : null;
    }

    /// <summary><c>Namespace-free Type.Member</c> of the innermost member around the node.</summary>
    private static string? MemberOf(SyntaxNode node)
    {
        string? member = null;
        var types = new List<string>();
        for (var n = node; n is not null; n = n.Parent)
        {
            switch (n)
            {
                case LocalFunctionStatementSyntax local when member is null:
                    member = local.Identifier.ValueText;
                    break;
                case MethodDeclarationSyntax method when member is null:
                    member = method.Identifier.ValueText;
                    break;
                case ConstructorDeclarationSyntax ctor when member is null:
                    member = ctor.Modifiers.Any(SyntaxKind.StaticKeyword) ? ".cctor" : ".ctor";
                    break;
                case PropertyDeclarationSyntax property when member is null:
                    member = property.Identifier.ValueText;
                    break;
                case FieldDeclarationSyntax field when member is null:
                    member = string.Join(",", field.Declaration.Variables.Select(v => v.Identifier.ValueText));
                    break;
                case BaseTypeDeclarationSyntax type:
                    types.Insert(0, type.Identifier.ValueText);
                    break;
            }
        }

        if (member is null && types.Count == 0)
        {
            return null;
        }

        return member is null ? string.Join(".", types) : string.Join(".", types.Append(member));
    }

    private static string Window(string line, int column)
    {
        if (line.Length <= ExcerptWindow)
        {
            return line;
        }

        var start = Math.Clamp(column - (ExcerptWindow / 3), 0, line.Length - ExcerptWindow);
        return line.Substring(start, ExcerptWindow);
    }

    private static string Normalise(string code) => Whitespace().Replace(code.Trim(), " ");

    private static string Quote(string value) => "\"" + value + "\"";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"://[^/\s""'@]+@")]
    private static partial Regex UrlUserInfo();

    [GeneratedRegex(@"(\b[a-z][a-z0-9+.-]*://[^\s""'?#]*)\?[^\s""'#]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlQuery();
}
