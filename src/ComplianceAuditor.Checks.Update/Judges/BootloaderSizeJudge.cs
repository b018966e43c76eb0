using System.Globalization;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Judges;

/// <summary>
/// <c>bootloader-size</c>: the IETF architecture asks for a small bootloader (REQ-8), limited to flash access,
/// verification and recovery, because it is the part that cannot be fixed safely in the field. Bootloader images
/// whose format says so (ESP-IDF second-stage bootloaders) are measured against the rule's <c>maxBytes</c>.
/// </summary>
internal sealed class BootloaderSizeJudge(long maxBytes) : IUpdateJudge
{
    public CheckOutcome Judge(UpdateInspection inspection, TrustAnchors anchors)
    {
        var kind = inspection.Facts.FirstOrDefault(f => f.Name == "image kind")?.Value;
        if (kind is null || !kind.Contains("bootloader", StringComparison.Ordinal)
            || inspection.Facts.FirstOrDefault(f => f.Name == "image length") is not { } length
            || !long.TryParse(length.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return CheckOutcome.NotApplicable($"the {inspection.Format} is not a bootloader image this version can measure");
        }

        return size <= maxBytes
            ? CheckOutcome.Pass(string.Create(CultureInfo.InvariantCulture, $"the bootloader is {size} bytes, within the {maxBytes} bytes set for a small bootloader"))
            : UpdateEvidence.Fail(inspection, string.Create(CultureInfo.InvariantCulture, $"the bootloader is {size} bytes, more than the {maxBytes} bytes set for a small bootloader"),
                "bootloader-size");
    }
}
