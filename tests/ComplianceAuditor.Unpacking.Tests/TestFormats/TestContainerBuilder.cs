using System.Buffers.Binary;
using System.Text;

namespace ComplianceAuditor.Unpacking.Tests.TestFormats;

/// <summary>
/// Writes containers of the test format read by <see cref="TestContainerReader"/>:
/// a 16-byte header ("TCNT", version 1, flags, reserved 0, total length, entry count), then the entries, each
/// kind (1 byte), path and link target (16-bit length + UTF-8), mode, major, minor (32-bit) and data (32-bit length + bytes).
/// All numbers little-endian. Containers nest by storing one built container as the data of a file.
/// </summary>
internal sealed class TestContainerBuilder
{
    public const int HeaderSize = 16;

    private readonly List<byte[]> _entries = [];

    /// <summary>False writes flag 1 and length 0: the header does not say how long the container is.</summary>
    public bool DeclareLength { get; init; } = true;

    public TestContainerBuilder File(string path, byte[] data, int mode = 0b110_100_100) => Add(TestEntryKind.File, path, data: data, mode: mode);

    public TestContainerBuilder File(string path, string text, int mode = 0b110_100_100) => File(path, Encoding.UTF8.GetBytes(text), mode);

    public TestContainerBuilder Directory(string path, int mode = 0b111_101_101) => Add(TestEntryKind.Directory, path, mode: mode);

    public TestContainerBuilder Symlink(string path, string target) => Add(TestEntryKind.Symlink, path, link: target, mode: 0b111_111_111);

    public TestContainerBuilder HardLink(string path, string target) => Add(TestEntryKind.HardLink, path, link: target);

    public TestContainerBuilder Device(TestEntryKind kind, string path, uint major, uint minor) => Add(kind, path, major: major, minor: minor);

    public TestContainerBuilder Special(TestEntryKind kind, string path) => Add(kind, path);

    /// <summary>A file of <paramref name="count"/> copies of <paramref name="value"/>, stored in five bytes.</summary>
    public TestContainerBuilder Repeat(string path, byte value, uint count)
    {
        var data = new byte[5];
        data[0] = value;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), count);
        return Add(TestEntryKind.Repeat, path, data: data);
    }

    public TestContainerBuilder BrokenFile(string path, byte[] readableBytes) => Add(TestEntryKind.BrokenFile, path, data: readableBytes);

    public TestContainerBuilder OpenFails(string path) => Add(TestEntryKind.OpenFails, path);

    public TestContainerBuilder Corrupt() => Add(TestEntryKind.Corrupt, "");

    public TestContainerBuilder Unavailable(string message) => Add(TestEntryKind.Unavailable, message);

    public TestContainerBuilder Warning(string text) => Add(TestEntryKind.Warning, text);

    public byte[] Build()
    {
        var body = _entries.SelectMany(e => e).ToArray();
        var image = new byte[HeaderSize + body.Length];
        "TCNT"u8.CopyTo(image);
        image[4] = 1;
        image[5] = DeclareLength ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(8), DeclareLength ? (uint)image.Length : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(12), (uint)_entries.Count);
        body.CopyTo(image, HeaderSize);
        return image;
    }

    private TestContainerBuilder Add(TestEntryKind kind, string path, string link = "", int mode = 0, uint major = 0, uint minor = 0, byte[]? data = null)
    {
        var pathBytes = Encoding.UTF8.GetBytes(path);
        var linkBytes = Encoding.UTF8.GetBytes(link);
        data ??= [];
        using var entry = new MemoryStream();
        using (var w = new BinaryWriter(entry, Encoding.UTF8, leaveOpen: true))
        {
            w.Write((byte)kind);
            w.Write((ushort)pathBytes.Length);
            w.Write(pathBytes);
            w.Write((ushort)linkBytes.Length);
            w.Write(linkBytes);
            w.Write((uint)mode);
            w.Write(major);
            w.Write(minor);
            w.Write((uint)data.Length);
            w.Write(data);
        }

        _entries.Add(entry.ToArray());
        return this;
    }
}
