using System.Globalization;
using ComplianceAuditor.Core.IO;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Elf;

namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// Opens an artifact as ELF: memory-mapped when its bytes are a file on disk, otherwise read into memory up to a
/// bound. The result owns the mapping; dispose it when the check is done.
/// </summary>
internal sealed class ElfLoader : IDisposable
{
    /// <summary>In-memory artifacts (extracted objects) larger than this are not read.</summary>
    private const long MaxInMemoryBytes = 512L * 1024 * 1024;

    private readonly MappedBytes? _mapping;

    private ElfLoader(ElfFile? file, string? error, MappedBytes? mapping)
    {
        File = file;
        Error = error;
        _mapping = mapping;
    }

    public ElfFile? File { get; }

    /// <summary>Why the artifact could not be read as ELF at all.</summary>
    public string? Error { get; }

    public static ElfLoader Load(Artifact artifact, ReadOnlyMemory<byte>? mapped = null)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        MappedBytes? mapping = null;
        try
        {
            ReadOnlyMemory<byte> bytes;
            if (mapped is { } shared)
            {
                bytes = shared;
            }
            else if (artifact.Content?.LocalPath is { } path)
            {
                mapping = MappedBytes.Open(path);
                bytes = mapping.Memory;
            }
            else if (artifact.Content is { } content && artifact.Size <= MaxInMemoryBytes)
            {
                using var stream = content.OpenRead();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            else
            {
                return new ElfLoader(null, string.Create(CultureInfo.InvariantCulture, $"the artifact has no readable content under {MaxInMemoryBytes} bytes"), null);
            }

            return new ElfLoader(ElfFile.Parse(bytes), null, mapping);
        }
        catch (ElfFormatException e)
        {
            mapping?.Dispose();
            return new ElfLoader(null, $"not a readable ELF file: {e.Message}", null);
        }
    }

    public void Dispose() => _mapping?.Dispose();
}
