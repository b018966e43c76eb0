using System.Text;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// Walks one directory's listing in stored (sorted) order without loading it: runs of up to 256 entries, each run
/// led by a 12-byte header (entry count - 1, the inode-table block of the run's inodes, a base inode number), each
/// entry 8 bytes (offset of the inode in that block, inode number delta, basic type, name length - 1) and the name.
/// </summary>
/// <remarks>
/// Hostile names throw: an empty name, ".", "..", or a name holding '/' or NUL cannot be a squashfs entry, and a
/// listing that has one is malformed as a whole. Names are decoded as UTF-8; invalid sequences become U+FFFD.
/// </remarks>
internal sealed class DirectoryListing
{
    private const int HeaderSize = 12;
    private const int EntrySize = 8;
    private const int MaxRun = 256;
    private const int MaxName = 256;

    private readonly MetadataCursor _cursor;
    private readonly string _path;
    private readonly byte[] _name = new byte[MaxName];
    private long _remaining;
    private int _runLeft;
    private uint _runBlock;

    public DirectoryListing(MetadataCursor cursor, long size, string path)
    {
        _cursor = cursor;
        _remaining = size;
        _path = path;
    }

    public bool TryNext(out DirectoryEntry entry)
    {
        entry = default;
        if (_runLeft == 0)
        {
            if (_remaining == 0)
            {
                return false;
            }

            Take(HeaderSize, "run header");
            var count = _cursor.ReadUInt32() + 1L;
            _runBlock = _cursor.ReadUInt32();
            _cursor.Skip(4); // base inode number
            if (count > MaxRun)
            {
                throw Errors.Malformed($"directory '{Shown}' has a run of {count} entries (at most {MaxRun})");
            }

            _runLeft = (int)count;
        }

        Take(EntrySize, "entry");
        var offset = _cursor.ReadUInt16();
        _cursor.Skip(2); // inode number delta
        var type = _cursor.ReadUInt16();
        var nameLength = _cursor.ReadUInt16() + 1;
        if (nameLength > MaxName)
        {
            throw Errors.Malformed($"directory '{Shown}' has an entry with a {nameLength}-byte name (at most {MaxName})");
        }

        Take(nameLength, "name");
        var name = _name.AsSpan(0, nameLength);
        _cursor.Read(name);
        _runLeft--;
        if (name.IndexOfAny((byte)'/', (byte)0) >= 0 || name.SequenceEqual("."u8) || name.SequenceEqual(".."u8))
        {
            throw Errors.Malformed($"directory '{Shown}' has an entry named '{Printable(name)}', which no file system allows");
        }

        if (type is < 1 or > 7)
        {
            throw Errors.Malformed($"directory '{Shown}' entry '{Printable(name)}' has unknown type {type}");
        }

        entry = new DirectoryEntry(Encoding.UTF8.GetString(name), ((ulong)_runBlock << 16) | offset, type);
        return true;
    }

    private string Shown => _path.Length == 0 ? "/" : _path;

    private void Take(int bytes, string what)
    {
        if (_remaining < bytes)
        {
            throw Errors.Malformed($"directory '{Shown}' listing ends inside an {what} (its inode says {_remaining} bytes are left, {bytes} needed)");
        }

        _remaining -= bytes;
    }

    private static string Printable(ReadOnlySpan<byte> name) =>
        Encoding.UTF8.GetString(name).Replace("\0", "\\0", StringComparison.Ordinal);
}
