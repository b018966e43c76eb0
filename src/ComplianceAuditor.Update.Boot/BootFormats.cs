using ComplianceAuditor.Update.Boot.Avb;
using ComplianceAuditor.Update.Boot.Fit;
using ComplianceAuditor.Update.Boot.Legacy;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Boot;

/// <summary>
/// The readers of this assembly, for the update checks to register: U-Boot FIT images, U-Boot control device trees
/// (the keys FITs are verified with), legacy uImages and Android vbmeta images. The FIT and control-DTB readers
/// split device trees between them (<c>/images</c> or <c>/signature</c>), so the order does not change a verdict.
/// </summary>
public static class BootFormats
{
    public static IReadOnlyList<IUpdateFormat> All { get; } =
    [
        new FitImageFormat(),
        new ControlDeviceTreeFormat(),
        new UImageFormat(),
        new VbmetaFormat(),
    ];
}
