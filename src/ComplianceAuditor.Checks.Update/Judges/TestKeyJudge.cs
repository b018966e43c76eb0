using ComplianceAuditor.Engine;
using ComplianceAuditor.Update;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>
/// <c>test-key</c>: no signature may be made with a key whose private half is published. A signature that no longer
/// verifies but was made with such a key (a vbmeta whose flags were changed after signing) counts too: the device
/// trusts that key.
/// </summary>
internal sealed class TestKeyJudge : IUpdateJudge
{
    public CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors)
    {
        var signatures = inspection.AllSignatures();
        if (signatures.Count == 0)
        {
            return CheckOutcome.NotApplicable($"the {inspection.Format} is not signed, so no signing key to judge");
        }

        var byTestKey = signatures.FirstOrDefault(s => s.Status == SignatureStatus.SignedWithTestKey) ?? signatures.FirstOrDefault(s => s.TestKey is not null);
        if (byTestKey is { TestKey: { } key })
        {
            var origin = key.Origins[0];
            return UpdateEvidence.Fail(inspection, $"{byTestKey.Reason} (published as {origin.Repository}: {origin.Path})", "test-key:" + key.SpkiSha256);
        }

        return CheckOutcome.Pass($"none of the {signatures.Count} signature(s) is by a published test key");
    }
}
