using System.Buffers.Binary;
using System.Globalization;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles.Matter;

/// <summary>
/// Matter OTA image files: magic 0x1BEEF11E, u64 total size, u32 header size (all little-endian), a Matter TLV
/// header (VendorID, ProductID, SoftwareVersion and string, PayloadSize, applicable version range, release notes URL,
/// ImageDigestType and ImageDigest), then the payload. The container has no signature: the digest is recomputed, and
/// authenticity rests on the platform's own image signing inside the payload.
/// <para>Weakness codes:</para>
/// <list type="bullet">
/// <item><c>matter-ota-digest-only</c>: the OTA file is protected by a digest only; anyone who can serve it can replace payload and digest.</item>
/// </list>
/// </summary>
public sealed class MatterOtaFormat : IUpdateFormat
{
    public const string DigestOnlyWeakness = "matter-ota-digest-only";

    private const uint Magic = 0x1BEEF11E;
    private const int PrefixSize = 16;

    public string Name => "Matter OTA image";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var span = input.Bytes.Span;
        if (span.Length < PrefixSize + 2 || BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic || span[PrefixSize] != 0x15)
        {
            return null;
        }

        var total = BinaryPrimitives.ReadUInt64LittleEndian(span[4..]);
        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(span[12..]);
        var facts = new List<InspectionFact>();
        var weaknesses = new List<UpdateWeakness> { new(DigestOnlyWeakness, "the OTA image carries a digest but no signature") };
        if (headerSize > (uint)(span.Length - PrefixSize))
        {
            return Result(facts, weaknesses, null, null, null,
                string.Create(CultureInfo.InvariantCulture, $"the header size {headerSize} runs past the end of the {span.Length}-byte file"));
        }

        var header = MatterTlvReader.TryReadStructure(span.Slice(PrefixSize, (int)headerSize), out var problem);
        if (header is null)
        {
            return Result(facts, weaknesses, null, null, null, problem);
        }

        var payloadStart = PrefixSize + (int)headerSize;
        if (total != (ulong)span.Length)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the header says the file is {total} bytes; it is {span.Length}");
        }

        var payloadEnd = (int)Math.Min(total, (ulong)span.Length);
        var payload = payloadEnd >= payloadStart ? span[payloadStart..payloadEnd] : [];
        var version = Integer(header, 2);
        MatterOtaFacts.Add(header, payload.Length, facts, ref problem);
        var integrity = Digest(header, payload, facts);
        var rollback = version is { } v ? new RollbackValue("software version", v, "header TLV context tag 2 (SoftwareVersion)") : null;
        facts.Add(new("downgrade protection",
            "an OTA provider offers only a SoftwareVersion above the one the requestor runs, and the requestor checks the header against the offer; " +
            "the value is authenticated only by the platform's signature over the payload, not by this container"));
        var versionText = header.TryGetValue(3, out var text) && text.Text is { } s ? s : version?.ToString(CultureInfo.InvariantCulture);
        return Result(facts, weaknesses, integrity, rollback, versionText, problem);
    }

    private static IntegrityFinding? Digest(Dictionary<int, MatterTlvValue> header, ReadOnlySpan<byte> payload, List<InspectionFact> facts)
    {
        if (Integer(header, 8) is not { } type || !header.TryGetValue(9, out var stored) || stored.Bytes is null)
        {
            facts.Add(new("image digest", "absent"));
            return null;
        }

        if (MatterOtaDigest.Compute(type, payload) is not { } computed)
        {
            facts.Add(new("image digest", string.Create(CultureInfo.InvariantCulture, $"type {type}, not computed by this version")));
            return new IntegrityFinding(string.Create(CultureInfo.InvariantCulture, $"ImageDigestType {type}"), null, "the payload after the header");
        }

        facts.Add(new("image digest", $"{computed.Name} {Convert.ToHexStringLower(stored.Bytes)}"));
        return new IntegrityFinding(computed.Name, computed.Digest.AsSpan().SequenceEqual(stored.Bytes), "the payload after the header");
    }

    internal static ulong? Integer(Dictionary<int, MatterTlvValue> header, int tag) => header.TryGetValue(tag, out var value) ? value.Integer : null;

    private UpdateInspection Result(List<InspectionFact> facts, List<UpdateWeakness> weaknesses, IntegrityFinding? integrity, RollbackValue? rollback,
        string? version, string? problem) => new()
        {
            Format = Name,
            Authentication = AuthenticationSupport.None,
            Integrity = integrity,
            Rollback = rollback,
            Version = version,
            Problem = problem,
            Facts = facts,
            Weaknesses = weaknesses,
        };
}
