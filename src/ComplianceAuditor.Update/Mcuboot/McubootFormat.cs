using System.Globalization;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Mcuboot;

/// <summary>
/// MCUboot images (Zephyr, TF-M, Mynewt, NuttX). Weakness codes:
/// <list type="bullet">
/// <item><c>mcuboot-version-zero</c>: the image version is 0.0.0+0, imgtool's default, so a bootloader that prevents
/// downgrades by comparing versions cannot tell releases apart.</item>
/// <item><c>mcuboot-counter-unprotected</c>: a SEC_CNT TLV sits outside the protected area, where anyone can change it
/// without breaking the signature.</item>
/// </list>
/// </summary>
public sealed class McubootFormat : IUpdateFormat
{
    public string Name => "MCUboot image";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.Bytes.Span;
        if (McubootImage.TryRead(bytes) is not { } image)
        {
            return null;
        }

        var header = image.Header;
        var facts = new List<InspectionFact>
        {
            new("version", $"{header.Version}+{header.BuildNumber.ToString(CultureInfo.InvariantCulture)}"),
            new("header size", header.HeaderSize.ToString(CultureInfo.InvariantCulture)),
            new("image size", header.ImageSize.ToString(CultureInfo.InvariantCulture)),
            new("flags", McubootFlags.Describe(header.Flags)),
            new("TLVs", string.Join(", ", image.Tlvs.Select(t => (t.Protected ? "protected " : string.Empty) + McubootFlags.TlvName(t.Type)))),
        };
        if (image.Problem is { } problem)
        {
            return new UpdateInspection { Format = Name, Version = header.Version, Problem = $"the MCUboot image is malformed: {problem}", Facts = facts };
        }

        var (integrity, signatures) = McubootSignature.Verify(bytes, image, input.Anchors);
        var counter = image.Find(McubootTlv.SecurityCounter);
        var weaknesses = new List<UpdateWeakness>();
        // Only when no security counter orders the releases instead.
        if (header.Version == "0.0.0" && header.BuildNumber == 0 && counter is null)
        {
            weaknesses.Add(new("mcuboot-version-zero", "the image version is 0.0.0+0, so version-based downgrade prevention cannot order releases"));
        }

        if (counter is { Protected: false })
        {
            weaknesses.Add(new("mcuboot-counter-unprotected", "the security counter TLV is in the unprotected area, outside what the signature covers"));
        }

        var imageEnd = image.Tlvs.Count == 0 ? image.ProtectedEnd : image.Tlvs.Max(t => t.ValueOffset + t.Length);
        if (McubootTrailer.TryRead(bytes, imageEnd) is { } trailer)
        {
            facts.Add(new("slot trailer", $"image ok: {trailer.ImageOk switch { true => "set", false => "invalid", null => "unset" }}; pending swap: {trailer.SwapType ?? "none"}"));
        }

        return new UpdateInspection
        {
            Format = Name,
            Version = $"{header.Version}+{header.BuildNumber.ToString(CultureInfo.InvariantCulture)}",

            // What the bootloader decides on: the header and both TLV areas (the body is only hashed as it streams by).
            ManifestBytes = header.HeaderSize + (imageEnd - header.HeaderSize - header.ImageSize),
            Signatures = signatures,
            Integrity = integrity,
            Rollback = image.SecurityCounter(bytes) is { } value
                ? new RollbackValue("security counter (SEC_CNT)", value, counter!.Value.Protected ? "protected TLV 0x50" : "unprotected TLV 0x50")
                : null,
            Facts = facts,
            Weaknesses = weaknesses,
        };
    }
}
