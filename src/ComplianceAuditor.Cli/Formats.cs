using ComplianceAuditor.Formats.Archives;
using ComplianceAuditor.Formats.Cpio;
using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.Formats.Esp;
using ComplianceAuditor.Formats.FileSystems.Cramfs;
using ComplianceAuditor.Formats.FileSystems.Jffs2;
using ComplianceAuditor.Formats.FileSystems.Romfs;
using ComplianceAuditor.Formats.FileSystems.SquashFsLegacy;
using ComplianceAuditor.Formats.FileSystems.Ubi;
using ComplianceAuditor.Formats.FileSystems.Yaffs2;
using ComplianceAuditor.Formats.HexRecords;
using ComplianceAuditor.Formats.SquashFs;
using ComplianceAuditor.Formats.UImage;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Cli;

/// <summary>
/// Every container format the tool opens, registered explicitly in one place. Order matters where two readers could
/// accept the same bytes: the more specific format comes first (a FIT is a device tree with images, so FIT goes
/// before the plain device tree). File systems and archives hold files, which are recognised but never carved;
/// layouts and single compressed streams hold images, which are searched for embedded images too.
/// </summary>
internal static class Formats
{
    public static FormatRegistry CreateRegistry() => new FormatRegistry()
        .AddFileSystem(new SquashFsReader())
        .AddFileSystem(new CpioReader())
        .AddFileSystem(new TarFormatReader())
        .AddFileSystem(new ZipFormatReader())
        .AddFileSystem(new SevenZipFormatReader())
        .AddFileSystem(new CramfsReader())
        .AddFileSystem(new RomfsReader())
        .AddFileSystem(new Jffs2Reader())
        .AddFileSystem(new UbifsReader())
        .AddFileSystem(new Yaffs2Reader())
        .AddFileSystem(new LegacySquashFsReader())
        .AddImageLayout(new UbiReader())
        .AddImageLayout(new UImageReader())
        .AddImageLayout(new FitReader())
        .AddImageLayout(new DeviceTreeReader())
        .AddImageLayout(new EspFlashReader())
        .AddImageLayout(new EspAppImageReader())
        .AddImageLayout(new IntelHexReader())
        .AddImageLayout(new SRecordReader())
        .AddImageLayout(new GzipFormatReader())
        .AddImageLayout(new Bzip2FormatReader())
        .AddImageLayout(new XzFormatReader())
        .AddImageLayout(new ZstdFormatReader())
        .AddImageLayout(new Lz4FormatReader())
        .AddImageLayout(new LzmaFormatReader());
}
