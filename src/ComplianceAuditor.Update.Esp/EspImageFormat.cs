using System.Globalization;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// ESP-IDF application and bootloader images (magic 0xE9, ESP32 family; the ESP8266's older layout too): header and
/// segments, the XOR checksum and appended SHA-256, <c>esp_app_desc_t</c> with its anti-rollback
/// <c>secure_version</c>, the Secure Boot v2 signature sector (RSA-3072-PSS and ECDSA blocks, each verified and
/// matched against published test keys by key digest) and the legacy Secure Boot v1 signature. Flash-encrypted
/// images have no readable header and are not recognised. Weakness codes:
/// <list type="bullet">
/// <item><c>esp-signature-block-crc</c>: a Secure Boot v2 block fails its CRC32; the ROM skips such a block.</item>
/// <item><c>esp-sbv2-digest-mismatch</c>: the image digest a Secure Boot v2 block signs is not the digest of the
/// image, which was changed after signing (the signature cannot be valid for it).</item>
/// <item><c>esp-secure-version-zero</c>: the application's <c>secure_version</c> is 0, so eFuse anti-rollback,
/// if enabled, has never been advanced and refuses no older image.</item>
/// <item><c>esp-secure-boot-v1</c>: the image carries a legacy Secure Boot v1 signature; v1 on ESP32 revisions before
/// v3 is open to fault-injection key readout, and v2 replaces it.</item>
/// </list>
/// </summary>
public sealed class EspImageFormat : IUpdateFormat
{
    public string Name => "ESP-IDF image";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (EspImageReader.Read(input.Bytes, input.FileName) is not { } image)
        {
            return null;
        }

        var facts = EspImageFacts.Describe(image);
        var rollbackSupported = image.App is not null;
        var authentication = image.IsEsp8266 ? AuthenticationSupport.None : AuthenticationSupport.Optional;
        if (image.IsEsp8266)
        {
            facts.Add(new("authentication", "the ESP8266 image format has no signature and no anti-rollback field"));
        }

        if (image.Problem is not null || image.ImageLength is not { } length)
        {
            return new UpdateInspection
            {
                Format = Name,
                Authentication = authentication,
                RollbackSupported = rollbackSupported,
                Version = image.App?.Version,
                Problem = $"the ESP image is malformed: {image.Problem ?? "its length is unknown"}",
                Facts = facts,
            };
        }

        var findings = new EspFindings();
        var bytes = input.Bytes.Span;
        if (!image.IsEsp8266)
        {
            if (EspSecureBootV2.FindSector(bytes, length) is { } sector)
            {
                EspSecureBootV2.Verify(bytes, sector, input.Anchors, findings);
            }

            if (EspSecureBootV1.IsPresent(bytes, length))
            {
                EspSecureBootV1.Verify(bytes, length, input.Anchors, findings);
            }
        }

        facts.AddRange(findings.Facts);
        var weaknesses = findings.Weaknesses;
        RollbackValue? rollback = null;
        if (image.App is { } app)
        {
            var at = image.Segments[0].DataOffset + 4;
            var location = string.Create(CultureInfo.InvariantCulture, $"esp_app_desc_t at 0x{at - 4:x}, field at 0x{at:x}");
            rollback = new RollbackValue("secure_version", app.SecureVersion, location);
            if (app.SecureVersion == 0)
            {
                weaknesses.Add(new("esp-secure-version-zero",
                    "the application's secure_version is 0: eFuse anti-rollback has never been advanced and refuses no older image"));
            }
        }

        return new UpdateInspection
        {
            Format = Name,
            Signatures = findings.Signatures,
            Authentication = authentication,
            Integrity = Integrity(image),
            Rollback = rollback,
            RollbackSupported = rollbackSupported,
            Version = image.App?.Version,
            Problem = findings.Problem,
            Facts = facts,
            Weaknesses = weaknesses,
        };
    }

    private static IntegrityFinding Integrity(EspImageStructure image) => image.HashAppended
        ? new IntegrityFinding("SHA-256 + XOR checksum", image.ChecksumValid == true && image.Sha256Valid == true,
            "header and segments (SHA-256 over everything before it; checksum over segment data)")
        : new IntegrityFinding("XOR checksum", image.ChecksumValid, "segment data");
}
