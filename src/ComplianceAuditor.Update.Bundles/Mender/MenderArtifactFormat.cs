using System.Text;
using ComplianceAuditor.Update.Bundles.Common;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles.Mender;

/// <summary>
/// Mender artifacts (<c>.mender</c>): an outer tar of <c>version</c>, <c>manifest</c> (SHA-256 of every other file),
/// an optional <c>manifest.sig</c> (base64 signature over the manifest), <c>header.tar.gz</c> (header-info) and the
/// payload archives <c>data/NNNN.tar.gz</c>. The signature covers the manifest; the manifest binds the rest, and each
/// of its digests is recomputed.
/// <para>Weakness codes:</para>
/// <list type="bullet">
/// <item><c>mender-unsigned</c>: no manifest.sig; a client configured with a verification key refuses it, one without accepts anything.</item>
/// </list>
/// </summary>
public sealed class MenderArtifactFormat : IUpdateFormat
{
    public const string UnsignedWeakness = "mender-unsigned";

    /// <summary>The decompressed header archive is a few kilobytes of JSON.</summary>
    private const int MaxHeaderSize = 16 << 20;

    public string Name => "Mender artifact";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.Bytes;
        if (TarHeader.TryParse(bytes.Span, out _) is not { Name: "version", Size: > 0 and < 4096 } first
            || first.Size > bytes.Length - TarHeader.BlockSize
            || !Encoding.UTF8.GetString(bytes.Span.Slice(TarHeader.BlockSize, (int)first.Size)).Contains("\"mender\"", StringComparison.Ordinal))
        {
            return null;
        }

        var outer = TarArchive.Read(bytes.Span);
        var facts = new List<InspectionFact> { new("version file", Encoding.UTF8.GetString(bytes.Span.Slice(TarHeader.BlockSize, (int)first.Size)).Trim()) };
        var weaknesses = new List<UpdateWeakness>();
        var problem = outer.Problem;

        var manifestEntry = outer.Find("manifest");
        var manifestBytes = manifestEntry is null ? default : Slice(bytes, manifestEntry);
        IReadOnlyList<SignatureFinding> signatures = [];
        if (outer.Find("manifest.sig") is { } signature && manifestEntry is not null)
        {
            signatures = [MenderSignatureCheck.Judge(manifestBytes.Span, Slice(bytes, signature).Span, input.Anchors)];
        }
        else
        {
            weaknesses.Add(new(UnsignedWeakness, "the artifact has no manifest.sig: nothing authenticates it"));
        }

        IntegrityFinding? integrity = null;
        if (manifestEntry is not null)
        {
            var manifest = MenderManifest.Parse(manifestBytes.Span);
            integrity = MenderIntegrity.Check(manifest, outer, bytes, facts);
        }
        else
        {
            facts.Add(new("manifest", "absent (artifact format 1, or damaged)"));
        }

        var header = ReadHeader(outer, bytes, facts, ref problem);
        facts.Add(new("downgrade protection", "Mender artifacts carry no anti-rollback counter (artifact_depends/provides only)"));
        return new UpdateInspection
        {
            Format = Name,
            Signatures = signatures,
            Integrity = integrity,
            RollbackSupported = false,
            Version = header?.ArtifactName,
            Problem = problem,
            Facts = facts,
            Weaknesses = weaknesses,
        };
    }

    private static MenderHeaderInfo? ReadHeader(TarArchive outer, ReadOnlyMemory<byte> bytes, List<InspectionFact> facts, ref string? problem)
    {
        var entry = outer.Entries.FirstOrDefault(e => e.Name.StartsWith("header.tar", StringComparison.Ordinal));
        if (entry is null)
        {
            problem ??= "the artifact has no header.tar";
            return null;
        }

        var content = Slice(bytes, entry);
        string? error = null;
        var tar = entry.Name switch
        {
            "header.tar.gz" => BoundedGzip.TryDecompress(content, MaxHeaderSize, out error),
            "header.tar" => content.ToArray(),
            _ => null,
        };
        if (tar is null)
        {
            facts.Add(new("header", error ?? $"{entry.Name}: compression not read by this version"));
            return null;
        }

        var inner = TarArchive.Read(tar);
        if (inner.Find("header-info") is not { } info)
        {
            problem ??= "the header has no header-info";
            return null;
        }

        var header = MenderHeaderInfo.TryRead(tar.AsMemory((int)info.Offset, (int)info.Size), out var infoProblem);
        if (header is null)
        {
            problem ??= infoProblem;
            return null;
        }

        if (header.ArtifactName is { } name)
        {
            facts.Add(new("artifact name", name));
        }

        facts.Add(new("device types", string.Join(", ", header.DeviceTypes)));
        facts.Add(new("payload types", string.Join(", ", header.PayloadTypes)));
        return header;
    }

    private static ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> bytes, TarEntry entry) => bytes.Slice((int)entry.Offset, (int)entry.Size);
}
