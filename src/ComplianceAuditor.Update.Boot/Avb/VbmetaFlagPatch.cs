using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Boot.Avb;

/// <summary>
/// Explains the usual reason a vbmeta signature fails: <c>fastboot --disable-verity --disable-verification</c> and
/// similar tools set the header flags in place without re-signing. When the signature verifies with the flags put
/// back to zero, the image was signed with them clear and changed afterwards; the finding stays invalid (the bytes as
/// stored do not verify, so a locked bootloader refuses them) but says so.
/// </summary>
internal static class VbmetaFlagPatch
{
    private const int FlagsOffset = 120;

    public static SignatureFinding Explain(
        SignatureFinding finding, byte[] signed, byte[] spki, SignatureScheme scheme, byte[] signature, uint flags, List<InspectionFact> facts)
    {
        var original = (byte[])signed.Clone();
        original.AsSpan(FlagsOffset, 4).Clear();
        if (!PublicKeyVerifier.Verifies(scheme, spki, original, signature))
        {
            return finding;
        }

        facts.Add(new("signed flags", "0 (the flags were set after signing)"));
        var signer = finding.TestKey is { } test ? $"a published test key ({test.Origins[0].Repository}: {test.Origins[0].Path})" : "the key the image carries";
        return finding with
        {
            Reason = $"the {finding.Algorithm} signature was made by {signer} over the header with flags 0; the flags were changed to 0x{flags:x} "
                + "after signing, so the image as stored does not verify and only an unlocked bootloader boots it",
        };
    }
}
