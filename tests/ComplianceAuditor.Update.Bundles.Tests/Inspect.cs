using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>Shorthands for inspecting fixture bytes and turning keys into trust anchors.</summary>
internal static class Inspect
{
    public static UpdateInspection? With(IUpdateFormat format, byte[] bytes, TrustAnchors? anchors = null, string fileName = "image.bin") =>
        format.Inspect(new UpdateInput(bytes, fileName, anchors ?? TrustAnchors.Empty));

    public static TrustAnchors Anchors(params (string Name, byte[] Pem)[] files) => TrustAnchors.Load(files);

    public static TrustAnchors Key(string name, byte[] spki) =>
        TrustAnchors.Load([(name, System.Text.Encoding.ASCII.GetBytes(System.Security.Cryptography.PemEncoding.WriteString("PUBLIC KEY", spki)))]);

    public static IEnumerable<string> Codes(this UpdateInspection inspection) => inspection.Weaknesses.Select(w => w.Code);
}
