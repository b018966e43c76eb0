using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>
/// Compares each <c>sha256</c> of sw-description with the cpio member it names, as SWUpdate does while installing
/// (over the bytes as stored: encrypted and compressed images are hashed before they are decoded).
/// </summary>
internal static class SwuImageCheck
{
    /// <summary>Weakness: a listed sha256 differs from the member's bytes.</summary>
    public const string Mismatch = "swupdate-sha256-mismatch";

    /// <summary>The overall finding, or null when no entry carries a sha256. <paramref name="archive"/> is null for a lone sw-description.</summary>
    public static IntegrityFinding? Check(SwDescription description, SwuArchive? archive, ReadOnlyMemory<byte> bytes,
        List<InspectionFact> facts, List<UpdateWeakness> weaknesses)
    {
        int listed = 0, matched = 0, mismatched = 0;
        foreach (var entry in description.Entries)
        {
            if (entry.FileName is not { } name)
            {
                facts.Add(new(entry.Path, "no filename (embedded or referenced entry)"));
                continue;
            }

            var encrypted = entry.Encrypted ? ", encrypted" : string.Empty;
            if (entry.Sha256 is not { } expected)
            {
                facts.Add(new(entry.Path, $"{name}: no sha256{encrypted}"));
                continue;
            }

            listed++;
            if (archive is null)
            {
                facts.Add(new(entry.Path, $"{name}: sha256 {expected}{encrypted}"));
                continue;
            }

            if (archive.Find(name) is not { } member)
            {
                facts.Add(new(entry.Path, $"{name}: has a sha256 but is not in this .swu{encrypted}"));
                continue;
            }

            var actual = Convert.ToHexStringLower(SHA256.HashData(member.Content(bytes).Span));
            if (actual == expected)
            {
                matched++;
                facts.Add(new(entry.Path, $"{name}: sha256 matches{encrypted}"));
            }
            else
            {
                mismatched++;
                facts.Add(new(entry.Path, $"{name}: sha256 does not match{encrypted}"));
                weaknesses.Add(new(Mismatch, $"{name} ({entry.Path}) has SHA-256 {actual}, but sw-description says {expected}"));
            }
        }

        if (listed == 0)
        {
            return null;
        }

        var covers = string.Create(CultureInfo.InvariantCulture, $"{listed} of {description.Entries.Count} images, files and scripts in sw-description");
        if (archive is null)
        {
            return new IntegrityFinding("SHA-256", null, covers + " (their files are not at hand)");
        }

        bool? matches = mismatched > 0 ? false : matched > 0 ? true : null;
        return new IntegrityFinding("SHA-256", matches, string.Create(CultureInfo.InvariantCulture, $"{covers}; {matched} checked against the archive"));
    }
}
