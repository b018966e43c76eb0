using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using ComplianceAuditor.Update.Bundles.Common;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles.Mongoose;

/// <summary>
/// Mongoose OS firmware bundles (<c>fw.zip</c>): a zip whose first member is manifest.json, listing the parts with
/// their checksums. The checksums are recomputed; signature fields, when present, are reported but not verified
/// (devices ignore them unless <c>update.sig_req_mask</c> is set).
/// <para>Weakness codes:</para>
/// <list type="bullet">
/// <item><c>mongoose-sha1-only</c>: a part is protected only by a SHA-1 checksum (<c>cs_sha1</c>).</item>
/// <item><c>mongoose-unsigned</c>: the manifest carries no signature; a device accepts it unless <c>update.sig_req_mask</c> demands one.</item>
/// </list>
/// </summary>
public sealed class MongooseFirmwareFormat : IUpdateFormat
{
    public const string Sha1OnlyWeakness = "mongoose-sha1-only";
    public const string UnsignedWeakness = "mongoose-unsigned";

    private const int MaxManifest = 1 << 20;
    private const long MaxPart = 256L << 20;

    public string Name => "Mongoose OS firmware bundle";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!FirstMemberIsManifest(input.Bytes.Span))
        {
            return null;
        }

        try
        {
            using var zip = new ZipArchive(new ReadOnlyMemoryStream(input.Bytes), ZipArchiveMode.Read);
            return Inspect(zip);
        }
        catch (InvalidDataException e)
        {
            return new UpdateInspection { Format = Name, Problem = "the zip cannot be read: " + e.Message, RollbackSupported = false };
        }
    }

    private UpdateInspection Inspect(ZipArchive zip)
    {
        var facts = new List<InspectionFact>();
        var weaknesses = new List<UpdateWeakness>();
        var entries = zip.Entries.Take(1000).ToList();
        var manifestEntry = entries.FirstOrDefault(e => e.Name == "manifest.json");
        if (manifestEntry is null || manifestEntry.Length > MaxManifest
            || MongooseManifest.TryRead(Read(manifestEntry, MaxManifest), out var problem) is not { } manifest)
        {
            return new UpdateInspection { Format = Name, Problem = "manifest.json is missing, too large or not valid JSON", RollbackSupported = false };
        }

        facts.Add(new("name", manifest.Name ?? "(none)"));
        facts.Add(new("platform", manifest.Platform ?? "(none)"));
        facts.Add(new("build id", manifest.BuildId ?? "(none)"));
        int checkedParts = 0, failed = 0;
        foreach (var part in manifest.Parts)
        {
            var entry = part.Source is null ? null : entries.FirstOrDefault(e => e.Name == part.Source || e.FullName == part.Source);
            var (hash, expected, kind) = part.Sha256 is { } s ? (HashAlgorithmName.SHA256, s, "SHA-256") : (HashAlgorithmName.SHA1, part.Sha1, "SHA-1");
            if (part.Sha256 is null && part.Sha1 is not null)
            {
                weaknesses.Add(new(Sha1OnlyWeakness, $"part {part.Name} ({part.Source}) is protected only by a SHA-1 checksum"));
            }

            if (expected is null || entry is null || entry.Length > MaxPart)
            {
                facts.Add(new("part " + part.Name, $"{part.Source}: not checked (no checksum, missing or too large)"));
                continue;
            }

            var actual = Digest(entry, hash);
            var matches = string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
            facts.Add(new("part " + part.Name, $"{part.Source}: {kind} {(matches ? "matches" : "does not match")}"));
            checkedParts++;
            failed += matches ? 0 : 1;
        }

        IReadOnlyList<SignatureFinding> signatures = [.. manifest.SignatureFields.Select(f => new SignatureFinding(SignatureStatus.NotVerifiable, "ECDSA P-256", f, null, null,
            $"the manifest field {f} holds a signature; this version does not verify Mongoose OS signatures"))];
        if (signatures.Count == 0)
        {
            weaknesses.Add(new(UnsignedWeakness, "the bundle carries no signature: devices accept it unless update.sig_req_mask requires one"));
        }

        facts.Add(new("downgrade protection", "Mongoose OS bundles carry no anti-rollback counter"));
        return new UpdateInspection
        {
            Format = Name,
            Signatures = signatures,
            Integrity = checkedParts == 0 ? null : new IntegrityFinding(manifest.Parts.Any(p => p.Sha256 is null) ? "SHA-1" : "SHA-256", failed == 0,
                string.Create(CultureInfo.InvariantCulture, $"{checkedParts} of {manifest.Parts.Count} parts")),
            RollbackSupported = false,
            Version = manifest.Version,
            Problem = problem,
            Facts = facts,
            Weaknesses = weaknesses,
        };
    }

    /// <summary>Mongoose requires manifest.json to be the first member (it streams the zip); that and the zip magic recognise it.</summary>
    private static bool FirstMemberIsManifest(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 30 || !bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }

        var nameLength = bytes[26] | (bytes[27] << 8);
        return 30 + nameLength <= bytes.Length && bytes.Slice(30, nameLength).EndsWith("manifest.json"u8)
            && (nameLength == 13 || bytes[30 + nameLength - 14] == (byte)'/');
    }

    private static byte[] Read(ZipArchiveEntry entry, long limit)
    {
        using var stream = BoundedStream.Over(entry.Open(), limit);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Digest(ZipArchiveEntry entry, HashAlgorithmName algorithm)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        using var stream = BoundedStream.Over(entry.Open(), MaxPart);
        var buffer = new byte[64 * 1024];
        for (int n; (n = stream.Read(buffer)) > 0;)
        {
            hash.AppendData(buffer, 0, n);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
