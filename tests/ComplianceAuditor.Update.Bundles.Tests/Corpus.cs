using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>Reads samples of the shared corpus and inspects them with a given format.</summary>
internal static class Corpus
{
    public static string PathOf(string relative) => Path.Combine(RepositoryPaths.Shared, relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));

    public static TrustAnchors Anchors(params string[] relative) =>
        TrustAnchors.Load(relative.Select(r => (Path.GetFileName(r), Bytes(r))));

    public static UpdateInspection? Inspect(IUpdateFormat format, string relative, TrustAnchors? anchors = null) =>
        format.Inspect(new UpdateInput(Bytes(relative), Path.GetFileName(relative), anchors ?? TrustAnchors.Empty));
}
