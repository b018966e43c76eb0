using ComplianceAuditor.Update.Bundles.Matter;
using ComplianceAuditor.Update.Bundles.Mender;
using ComplianceAuditor.Update.Bundles.Mongoose;
using ComplianceAuditor.Update.Bundles.OpenWrt;
using ComplianceAuditor.Update.Bundles.Rauc;
using ComplianceAuditor.Update.Bundles.Swupdate;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles;

/// <summary>
/// The readers of this assembly, for the update checks to register: Linux update bundles (SWUpdate, RAUC, Mender),
/// Matter OTA files, OpenWrt sysupgrade images and Mongoose OS bundles. Each recognises its format by magic and
/// structure, so the order only matters for speed.
/// </summary>
public static class BundleFormats
{
    public static IReadOnlyList<IUpdateFormat> All { get; } =
    [
        new SwupdateBundleFormat(),
        new RaucBundleFormat(),
        new MenderArtifactFormat(),
        new MatterOtaFormat(),
        new OpenWrtSysupgradeFormat(),
        new MongooseFirmwareFormat(),
    ];
}
