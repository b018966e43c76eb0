using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>Reads samples of the shared corpus and the repository's unpack fixtures, and runs a reader over bytes.</summary>
internal static class Corpus
{
    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(RepositoryPaths.Shared, "corpus", relativePath));

    /// <summary>A fixture of the unpack tests (mkimage-made FITs and a control DTB), read only.</summary>
    public static byte[] Fixture(string relativePath) =>
        File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "unpack", "formats", relativePath));

    public static TrustAnchors Anchors(params string[] corpusFiles) =>
        TrustAnchors.Load(corpusFiles.Select(f => (Path.GetFileName(f), Bytes(f))));

    public static TrustAnchors Anchor(string name, byte[] spki) => TrustAnchors.Load([(name, spki)]);

    public static UpdateInspection? Inspect(IUpdateFormat format, byte[] bytes, TrustAnchors? anchors = null) =>
        format.Inspect(new UpdateInput(bytes, "image.bin", anchors ?? TrustAnchors.Empty));
}
