using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>Evidence for an update-image outcome: what the image is and the facts a reviewer checks the verdict by.</summary>
internal static class UpdateEvidence
{
    private const int MaxFacts = 48;

    public static CheckOutcome Fail(UpdateInspection inspection, string reason, string key) =>
        CheckOutcome.Fail(reason, [Describe(inspection, reason)], key);

    public static EvidenceItem Describe(UpdateInspection inspection, string description) => new()
    {
        Kind = "structure",
        Description = description,
        Excerpt = Summary(inspection),
    };

    /// <summary>One line per fact a reviewer needs: format, version, integrity, each signature, the rollback value.</summary>
    public static string Summary(UpdateInspection inspection)
    {
        var lines = new List<string> { $"format: {inspection.Format}" };
        if (inspection.Version is { } version)
        {
            lines.Add($"version: {version}");
        }

        if (inspection.Integrity is { } integrity)
        {
            lines.Add($"integrity: {integrity.Kind} over {integrity.Covers}: {integrity.Matches switch { true => "matches", false => "DOES NOT MATCH", null => "not recomputed" }}");
        }

        lines.AddRange(inspection.AllSignatures().Select(s => $"signature: {s.Algorithm}, {Describe(s.Status)}{(s.KeyId is { } id ? $", key {id}" : "")}"));
        if (inspection.AllSignatures().Count == 0)
        {
            lines.Add("signature: none");
        }

        lines.Add(inspection.Rollback is { } rollback
            ? $"rollback: {rollback.Name} = {rollback.Value} ({rollback.Location})"
            : inspection.RollbackSupported ? "rollback: no value in the image" : "rollback: the format has no field for one");

        // The format's own facts (header fields, manifest elements) after the common ones, bounded for the report.
        lines.AddRange(inspection.Facts.Take(MaxFacts).Select(f => $"{f.Name}: {f.Value}"));
        return string.Join('\n', lines);
    }

    public static string Describe(SignatureStatus status) => status switch
    {
        SignatureStatus.NotSigned => "not signed",
        SignatureStatus.VerifiedTrusted => "verified with a trusted key",
        SignatureStatus.SignedWithTestKey => "signed with a published test key",
        SignatureStatus.UnknownKey => "signer's key not at hand",
        SignatureStatus.ValidUnknownKey => "valid, by a key not known to be trusted",
        SignatureStatus.Invalid => "INVALID",
        _ => "not verifiable",
    };
}
