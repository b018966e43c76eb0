using System.Buffers;
using System.Globalization;
using System.IO.MemoryMappedFiles;

namespace ComplianceAuditor.Core.IO;

/// <summary>
/// A file mapped read-only into memory and exposed as <see cref="ReadOnlyMemory{T}"/>, so large binaries are read
/// in place, never copied. Dispose to unmap.
/// </summary>
public sealed unsafe class MappedBytes : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly Manager? _manager;

    private MappedBytes(MemoryMappedFile? file, MemoryMappedViewAccessor? view, Manager? manager)
    {
        _file = file;
        _view = view;
        _manager = manager;
    }

    public ReadOnlyMemory<byte> Memory => _manager?.Memory ?? ReadOnlyMemory<byte>.Empty;

    /// <summary>Maps <paramref name="path"/>; files over 2 GiB are refused (no ELF file we audit is that large).</summary>
    public static MappedBytes Open(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            return new MappedBytes(null, null, null);
        }

        if (length > int.MaxValue)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"{length} bytes is larger than the 2 GiB this reader maps"));
        }

        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, 0, MemoryMappedFileAccess.Read);
        try
        {
            var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new MappedBytes(file, view, new Manager(pointer + view.PointerOffset, (int)length));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _file?.Dispose();
    }

    private sealed class Manager(byte* pointer, int length) : MemoryManager<byte>
    {
        public override Span<byte> GetSpan() => new(pointer, length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(pointer + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
