using ComplianceAuditor.Update.Boot;
using ComplianceAuditor.Update.Bundles;
using ComplianceAuditor.Update.Esp;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Mcuboot;
using ComplianceAuditor.Update.Suit;

namespace ComplianceAuditor.Checks.Update;

/// <summary>
/// The update and boot image formats, registered explicitly and tried in this order: formats with a distinctive
/// magic first, so that a weaker one (the single ESP-IDF magic byte) never claims a file a stronger one knows. The
/// boot and bundle assemblies list their own readers (U-Boot FIT, control device tree, uImage, vbmeta; SWUpdate,
/// RAUC, Mender, Matter OTA, OpenWrt sysupgrade, Mongoose OS).
/// </summary>
public static class UpdateFormatRegistry
{
    public static IReadOnlyList<IUpdateFormat> All() =>
    [
        new McubootFormat(),
        new SuitEnvelopeFormat(),
        .. BootFormats.All,
        .. BundleFormats.All,
        new EspPartitionTableFormat(),
        new EspImageFormat(),
    ];
}
