using ComplianceAuditor.Update.Boot.Avb;
using ComplianceAuditor.Update.Boot.Fit;
using ComplianceAuditor.Update.Boot.Legacy;
using ComplianceAuditor.Update.Bundles.Matter;
using ComplianceAuditor.Update.Bundles.Mender;
using ComplianceAuditor.Update.Bundles.Mongoose;
using ComplianceAuditor.Update.Bundles.OpenWrt;
using ComplianceAuditor.Update.Bundles.Rauc;
using ComplianceAuditor.Update.Bundles.Swupdate;
using ComplianceAuditor.Update.Esp;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Mcuboot;
using ComplianceAuditor.Update.Suit;

namespace ComplianceAuditor.Checks.Update;

/// <summary>
/// The update and boot image formats, registered explicitly and tried in this order: formats with a distinctive
/// magic first, so that a weaker one (the single ESP-IDF magic byte) never claims a file a stronger one knows.
/// </summary>
public static class UpdateFormatRegistry
{
    public static IReadOnlyList<IUpdateFormat> All() =>
    [
        new McubootFormat(),
        new SuitEnvelopeFormat(),
        new FitImageFormat(),
        new ControlDeviceTreeFormat(),
        new UImageFormat(),
        new VbmetaFormat(),
        new SwupdateBundleFormat(),
        new RaucBundleFormat(),
        new MenderArtifactFormat(),
        new MatterOtaFormat(),
        new OpenWrtSysupgradeFormat(),
        new MongooseFirmwareFormat(),
        new EspPartitionTableFormat(),
        new EspImageFormat(),
    ];
}
