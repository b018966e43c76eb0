using System.Runtime.ExceptionServices;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// The depth-first walk of an opened image from its root directory: one explicit stack of open listings instead of
/// recursion, each directory entered once (so a cyclic tree is caught at its first repeat), bounded in depth and in
/// the number of entries the directory table can hold.
/// </summary>
/// <remarks>
/// With more than one decompression thread the walk runs ahead of the entries it hands out (at most
/// <see cref="MaxLookahead"/> entries) and starts decompressing, within the image's read-ahead budget, the first
/// blocks and the fragment blocks of the files it has seen: while the caller writes one small file the next ones are
/// already being expanded, as unsquashfs's reader and decompressor threads do. A file that is not opened gives its
/// blocks back when the next entry is asked for. A malformed structure met ahead is reported only after the entries
/// before it have been handed out, as without read-ahead.
/// </remarks>
internal sealed class SquashFsTree(SquashFsImage image)
{
    private const int MaxLookahead = 64;

    public IEnumerable<UnpackedEntry> Walk()
    {
        var lookahead = new Queue<Pending>();
        var readAhead = image.ReadAheadBudget > 0;
        var limit = readAhead ? MaxLookahead : 1;
        using var walk = WalkCore().GetEnumerator();
        ExceptionDispatchInfo? failure = null;
        FileBlockQueue? handedOut = null;
        try
        {
            while (true)
            {
                // The file handed out last is done with: if it was never opened, its read-ahead is dropped here.
                handedOut?.Dispose();
                handedOut = null;

                while (failure is null && lookahead.Count < limit && (lookahead.Count == 0 || image.ReadAheadLeft > 0))
                {
                    try
                    {
                        if (!walk.MoveNext())
                        {
                            break;
                        }
                    }
                    catch (UnpackException e)
                    {
                        failure = ExceptionDispatchInfo.Capture(e);
                        break;
                    }

                    var (entry, file) = walk.Current;
                    lookahead.Enqueue(new Pending(entry, file, file is null ? null : Plan(file, entry.Path, readAhead)));
                }

                if (!lookahead.TryDequeue(out var next))
                {
                    failure?.Throw();
                    yield break;
                }

                if (next.File is null || next.Blocks is null)
                {
                    yield return next.Entry;
                    continue;
                }

                handedOut = next.Blocks;
                var opened = false;
                yield return next.Entry with
                {
                    Open = () =>
                    {
                        // The stream takes over the block queue (and its read-ahead); a second stream would find
                        // it half consumed.
                        if (opened)
                        {
                            throw new InvalidOperationException($"squashfs: the content of '{next.Entry.Path}' is already open");
                        }

                        opened = true;
                        handedOut = null;
                        return new FileContentStream(image, next.File, next.Entry.Path, next.Blocks);
                    },
                };
            }
        }
        finally
        {
            handedOut?.Dispose();
            while (lookahead.TryDequeue(out var left))
            {
                left.Blocks?.Dispose();
            }

            image.ReleaseCaches();
        }
    }

    /// <summary>A file's block queue, with its first blocks (or its fragment block) already decompressing if the budget allows.</summary>
    private FileBlockQueue Plan(Inode file, string path, bool readAhead)
    {
        var blocks = new FileBlockQueue(image, file, path);
        if (!readAhead)
        {
            return blocks;
        }

        try
        {
            while (blocks.Unlisted > 0 && blocks.Scheduled < image.Window && image.TryTakeReadAhead())
            {
                blocks.ScheduleNext(budgeted: true);
            }

            var tail = file.HasFragment && file.FileSize % image.Super.BlockSize != 0;
            if (tail && blocks.Unlisted == 0 && image.TryTakeReadAhead())
            {
                var warming = false;
                try
                {
                    warming = image.Fragments.Warm(file.FragmentIndex, path);
                }
                finally
                {
                    if (!warming)
                    {
                        image.ReturnReadAhead(); // already cached or warming, or broken: nothing new to pay for
                    }
                }
            }

            return blocks;
        }
        catch (UnpackException)
        {
            // A broken block list or fragment entry: drop the read-ahead and let the same error come up when this
            // file is read, after the entries before it, and attributed to it.
            blocks.Dispose();
            return new FileBlockQueue(image, file, path);
        }
    }

    private IEnumerable<(UnpackedEntry Entry, Inode? File)> WalkCore()
    {
        var cancel = image.Context.CancellationToken;
        var root = image.ReadInode(image.Super.RootInode, "/");
        if (root.Kind != InodeKind.Directory)
        {
            throw Errors.Malformed($"the root inode (reference 0x{image.Super.RootInode:x}) is a {root.Kind}, not a directory");
        }

        var enteredDirectories = new HashSet<ulong> { root.Reference };
        var firstPath = new Dictionary<ulong, string>();
        var open = new Stack<(string Path, DirectoryListing Listing)>();
        open.Push((string.Empty, image.OpenListing(root, string.Empty)));
        long entries = 0;
        var mismatchWarned = false;

        while (open.Count > 0)
        {
            cancel.ThrowIfCancellationRequested();
            var (parent, listing) = open.Peek();
            if (!listing.TryNext(out var item))
            {
                open.Pop();
                continue;
            }

            if (++entries > image.MaxEntries)
            {
                throw Errors.Malformed($"more than {image.MaxEntries} directory entries, more than the directory table can hold");
            }

            var path = parent.Length == 0 ? item.Name : parent + "/" + item.Name;
            var inode = image.ReadInode(item.InodeReference, path);
            if ((int)inode.Kind != item.Type && !mismatchWarned)
            {
                // The inode is what gets read; a listing that disagrees with it is odd but not fatal.
                image.Context.Warn($"squashfs: '{path}' is listed as type {item.Type} but its inode is a {inode.Kind}; the inode was followed");
                mismatchWarned = true;
            }

            if (inode.Kind == InodeKind.Directory)
            {
                if (!enteredDirectories.Add(inode.Reference))
                {
                    throw Errors.Malformed($"directory '{path}' leads back to a directory already entered (inode reference 0x{inode.Reference:x}): the tree has a cycle");
                }

                if (open.Count >= SquashFsReader.MaxDepth)
                {
                    throw Errors.Malformed($"directory '{path}' is nested more than {SquashFsReader.MaxDepth} levels deep");
                }

                yield return (Describe(inode, path, EntryType.Directory), null);
                open.Push((path, image.OpenListing(inode, path)));
            }
            else if (firstPath.TryGetValue(inode.Reference, out var first))
            {
                yield return (Describe(inode, path, EntryType.HardLink) with { LinkTarget = first }, null);
            }
            else
            {
                firstPath.Add(inode.Reference, path);
                yield return Entry(inode, path);
            }
        }
    }

    private static (UnpackedEntry, Inode?) Entry(Inode inode, string path) => inode.Kind switch
    {
        InodeKind.File => (Describe(inode, path, EntryType.File) with { Size = inode.FileSize }, inode),
        InodeKind.Symlink => (Describe(inode, path, EntryType.Symlink) with { LinkTarget = inode.LinkTarget }, null),
        InodeKind.CharDevice => (Describe(inode, path, EntryType.CharDevice) with { Device = inode.Device }, null),
        InodeKind.BlockDevice => (Describe(inode, path, EntryType.BlockDevice) with { Device = inode.Device }, null),
        InodeKind.Fifo => (Describe(inode, path, EntryType.Fifo), null),
        _ => (Describe(inode, path, EntryType.Socket), null),
    };

    private static UnpackedEntry Describe(Inode inode, string path, EntryType type) => new()
    {
        Path = path,
        Type = type,
        Mode = inode.Mode,
        Uid = inode.Uid,
        Gid = inode.Gid,
    };

    private sealed record Pending(UnpackedEntry Entry, Inode? File, FileBlockQueue? Blocks);
}
