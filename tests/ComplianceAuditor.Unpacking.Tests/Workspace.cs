using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking.Tests.TestFormats;

namespace ComplianceAuditor.Unpacking.Tests;

/// <summary>
/// One test's folders: the firmware under <c>input/</c>, the extraction folder two levels further down
/// (<c>a/b/out/</c>), so a write that climbs out of it by one or two levels still lands inside the test's folder
/// where it can be seen. Audits run through the public <see cref="InventoryBuilder"/> with the test formats.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private readonly TempDirectory _root = new();

    public Workspace()
    {
        Output = Directory.CreateDirectory(Path.Combine(_root.Path, "a", "b", "out")).FullName;
        Work = PrivateWorkFolder.CreateIn(Output);
    }

    public string Root => _root.Path;

    public string Output { get; }

    public PrivateWorkFolder Work { get; }

    /// <summary>The test formats: the layout first (it wraps the others), then the container format.</summary>
    public static FormatRegistry Formats() => new FormatRegistry().AddImageLayout(new TestLayoutReader()).AddFileSystem(new TestContainerReader());

    public string Write(string relativePath, byte[] content) => _root.Write(Path.Combine("input", relativePath), content);

    /// <summary>Audits <paramref name="firmware"/> as the firmware target <c>fw.bin</c>.</summary>
    public TargetInventory Audit(
        byte[] firmware, UnpackLimits? limits = null, IExtractionSink? sink = null, FormatRegistry? formats = null, CancellationToken cancellationToken = default) =>
        Audit(new AuditTarget("fw.bin", TargetKind.Firmware, Write("fw.bin", firmware)), limits, sink, formats, cancellationToken);

    public TargetInventory Audit(
        AuditTarget target, UnpackLimits? limits = null, IExtractionSink? sink = null, FormatRegistry? formats = null, CancellationToken cancellationToken = default) =>
        InventoryBuilder.Build(
            target, new InventoryOptions { Formats = formats ?? Formats(), Sink = sink ?? Work, UnpackLimits = limits ?? new UnpackLimits() }, cancellationToken);

    /// <summary>Every file system entry under the test's folder, links included, as paths relative to it.</summary>
    public IReadOnlyList<string> Everything() =>
        [.. Directory.EnumerateFileSystemEntries(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>Entries under the test's folder that are symbolic links.</summary>
    public IReadOnlyList<string> Links() =>
        [.. Directory.EnumerateFileSystemEntries(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(p => new FileInfo(p).LinkTarget is not null)];

    public void Dispose()
    {
        Work.Dispose();
        _root.Dispose();
    }
}
