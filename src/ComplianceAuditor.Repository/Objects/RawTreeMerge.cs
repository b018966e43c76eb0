using System.Text;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Objects;

/// <summary>
/// The entries of a new tree that differ from an old one, found by walking both raw trees side by side in git's own
/// entry order (names compared as bytes, a folder's name as if followed by '/'). Entries that are the same in both,
/// nearly all of them, are passed over without a string or an object being made. A tree out of order or naming an
/// entry twice (git refuses to write either; a crafted one can hold them) is refused, and the caller lists it instead.
/// </summary>
internal static class RawTreeMerge
{
    /// <summary>One entry of the new tree that is not in the old one as it is, and the old entry of the same name, if any.</summary>
    public readonly record struct Difference(string Name, TreeListings.Entry Entry, TreeListings.Entry? Before);

    public static List<Difference>? Differences(byte[] current, byte[]? previous)
    {
        var differences = new List<Difference>();
        var n = new Cursor(current);
        var o = new Cursor(previous ?? []);
        if (!Advance(ref n) || !Advance(ref o))
        {
            return null;
        }

        while (n.HasEntry)
        {
            var order = o.HasEntry ? Compare(n, o) : -1;
            if (order > 0)
            {
                // An entry only the old tree has: deleted, nothing to read.
                if (!Advance(ref o))
                {
                    return null;
                }

                continue;
            }

            if (order == 0)
            {
                if (!n.Id.SequenceEqual(o.Id) || n.Mode != o.Mode)
                {
                    var name = n.Name();
                    differences.Add(new Difference(name, n.Entry(name), o.Entry(name)));
                }

                if (!Advance(ref o))
                {
                    return null;
                }
            }
            else
            {
                var name = n.Name();
                differences.Add(new Difference(name, n.Entry(name), null));
            }

            if (!Advance(ref n))
            {
                return null;
            }
        }

        return differences;
    }

    /// <summary>Moves a cursor on; false only when the tree turned out malformed or out of order.</summary>
    private static bool Advance(ref Cursor cursor)
    {
        cursor.Next();
        return !cursor.Failed;
    }

    /// <summary>git's order of tree entries: byte order of the names, a folder's name followed by '/'.</summary>
    private static int Compare(in Cursor a, in Cursor b) => Compare(a.NameBytes, a.IsTree, b.NameBytes, b.IsTree);

    private static int Compare(ReadOnlySpan<byte> a, bool aTree, ReadOnlySpan<byte> b, bool bTree)
    {
        var common = Math.Min(a.Length, b.Length);
        var order = a[..common].SequenceCompareTo(b[..common]);
        if (order != 0)
        {
            return order;
        }

        var nextA = a.Length > common ? a[common] : aTree ? (byte)'/' : (byte)0;
        var nextB = b.Length > common ? b[common] : bTree ? (byte)'/' : (byte)0;
        return nextA.CompareTo(nextB);
    }

    /// <summary>Reads one tree's entries in turn and checks each comes after the one before.</summary>
    private ref struct Cursor(byte[] data)
    {
        private readonly byte[] _data = data;
        private int _position;
        private int _nameStart = -1;
        private int _nameLength;
        private int _idStart;
        private int _previousStart = -1;
        private int _previousLength;
        private bool _previousTree;

        public bool HasEntry { get; private set; }

        public bool Failed { get; private set; }

        public Mode Mode { get; private set; }

        public TreeEntryTargetType Type { get; private set; }

        public readonly bool IsTree => Type == TreeEntryTargetType.Tree;

        public readonly ReadOnlySpan<byte> NameBytes => _data.AsSpan(_nameStart, _nameLength);

        public readonly ReadOnlySpan<byte> Id => _data.AsSpan(_idStart, 20);

        /// <summary>Moves to the next entry; false at the end, or (with <see cref="Failed"/>) when the bytes are malformed or out of order.</summary>
        public bool Next()
        {
            if (HasEntry)
            {
                _previousStart = _nameStart;
                _previousLength = _nameLength;
                _previousTree = IsTree;
            }

            HasEntry = false;
            if (_position >= _data.Length)
            {
                return false;
            }

            var space = Array.IndexOf(_data, (byte)' ', _position);
            var nul = space < 0 ? -1 : Array.IndexOf(_data, (byte)0, space + 1);
            if (space < 0 || nul < 0 || nul + 21 > _data.Length || space - _position is < 5 or > 6 || nul == space + 1)
            {
                return Fail();
            }

            if (RawTree.ModeOf(_data.AsSpan(_position, space - _position)) is not { } kind)
            {
                return Fail();
            }

            (Mode, Type) = kind;
            _nameStart = space + 1;
            _nameLength = nul - space - 1;
            _idStart = nul + 1;
            _position = nul + 21;
            if (_previousStart >= 0 && Compare(_data.AsSpan(_previousStart, _previousLength), _previousTree, NameBytes, IsTree) >= 0)
            {
                return Fail();
            }

            HasEntry = true;
            return true;
        }

        public readonly string Name() => Encoding.UTF8.GetString(NameBytes);

        public readonly TreeListings.Entry Entry(string name) => new(name, GitId.From(Id), Mode, Type);

        private bool Fail()
        {
            Failed = true;
            return false;
        }
    }
}
