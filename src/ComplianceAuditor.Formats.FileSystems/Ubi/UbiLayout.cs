using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Ubi;

/// <summary>A physical eraseblock in use: where its data starts and what its VID header says.</summary>
internal sealed record UbiBlock(long DataOffset, uint LogicalBlock, uint DataSize, uint UsedBlocks, ulong Sequence);

/// <summary>
/// The result of reading every eraseblock's headers: for each volume, the newest physical block holding each of its
/// logical blocks, and the volumes the volume table lists.
/// </summary>
internal sealed class UbiLayout
{
    private readonly Dictionary<uint, SortedDictionary<uint, UbiBlock>> _blocks = [];

    private UbiLayout(long logicalBlockSize, long physicalBlocks)
    {
        LogicalBlockSize = logicalBlockSize;
        PhysicalBlocks = physicalBlocks;
    }

    public long LogicalBlockSize { get; }

    /// <summary>Whole eraseblocks in the image; no volume can have more logical blocks than that.</summary>
    public long PhysicalBlocks { get; }

    public List<UbiVolumeRecord> Volumes { get; } = [];

    public SortedDictionary<uint, UbiBlock> BlocksOf(int volumeId) =>
        _blocks.TryGetValue((uint)volumeId, out var blocks) ? blocks : [];

    public static UbiLayout Scan(UnpackSource source, long blockSize, UnpackContext context)
    {
        var count = source.Length / blockSize;
        var header = new byte[UbiEcHeader.Bytes];
        var vid = new byte[UbiVidHeader.Bytes];
        long erased = 0, corrupt = 0, free = 0;
        long dataOffset = -1;
        UbiLayout? layout = null;
        for (long index = 0; index < count; index++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var start = index * blockSize;
            source.ReadExactly(start, header, "UBI erase-counter header");
            var ec = UbiEcHeader.TryParse(header);
            if (ec is null || ec.DataOffset >= blockSize)
            {
                if (header.AsSpan().IndexOfAnyExcept((byte)0xFF) < 0)
                {
                    erased++;
                }
                else
                {
                    corrupt++;
                }

                continue;
            }

            // Every block of one image has the same layout; the first valid header fixes the logical block size.
            if (dataOffset < 0)
            {
                dataOffset = ec.DataOffset;
                layout = new UbiLayout(blockSize - dataOffset, count);
            }

            if (ec.DataOffset != dataOffset)
            {
                corrupt++;
                continue;
            }

            source.ReadExactly(start + ec.VidHeaderOffset, vid, "UBI volume-identifier header");
            var id = UbiVidHeader.TryParse(vid);
            if (id is null)
            {
                if (vid.AsSpan().IndexOfAnyExcept((byte)0xFF) < 0)
                {
                    free++;
                }
                else
                {
                    corrupt++;
                }

                continue;
            }

            layout!.Add(id, new UbiBlock(start + dataOffset, id.LogicalBlock, id.DataSize, id.UsedBlocks, id.Sequence));
        }

        if (layout is null)
        {
            throw Invariant.Malformed($"ubi: {source.Name} has no eraseblock with a valid erase-counter header");
        }

        if (corrupt > 0)
        {
            context.Warn(Invariant.Text($"ubi: {corrupt} eraseblocks with corrupt headers were skipped"));
        }

        var trailing = source.Length - (count * blockSize);
        if (trailing > 0)
        {
            context.Warn(Invariant.Text($"ubi: {trailing} bytes after the last whole eraseblock were ignored (truncated image?)"));
        }

        layout.ReadVolumeTable(source, context);
        return layout;
    }

    private void Add(UbiVidHeader id, UbiBlock block)
    {
        if (!_blocks.TryGetValue(id.VolumeId, out var blocks))
        {
            blocks = [];
            _blocks.Add(id.VolumeId, blocks);
        }

        // After an interrupted wear-levelling copy two blocks claim the same logical block; the newer one wins.
        if (!blocks.TryGetValue(id.LogicalBlock, out var existing) || block.Sequence > existing.Sequence)
        {
            blocks[id.LogicalBlock] = block;
        }
    }

    private void ReadVolumeTable(UnpackSource source, UnpackContext context)
    {
        var records = (int)Math.Min(UbiVolumeRecord.MaxVolumes, LogicalBlockSize / UbiVolumeRecord.Bytes);
        var table = BlocksOf((int)UbiVidHeader.LayoutVolumeId);
        _blocks.Remove(UbiVidHeader.LayoutVolumeId);
        var buffer = new byte[records * UbiVolumeRecord.Bytes];
        foreach (var copy in table.Values)
        {
            source.ReadExactly(copy.DataOffset, buffer, "UBI volume table");
            var volumes = new List<UbiVolumeRecord>();
            var corrupt = false;
            for (var i = 0; i < records && !corrupt; i++)
            {
                var record = UbiVolumeRecord.TryParse(buffer.AsSpan(i * UbiVolumeRecord.Bytes, UbiVolumeRecord.Bytes), i, out corrupt);
                if (record is not null)
                {
                    volumes.Add(record);
                }
            }

            if (!corrupt)
            {
                Volumes.AddRange(volumes);
                WarnAboutUnlisted(context);
                DropBlocksBeyondVolumes(context);
                return;
            }
        }

        // Without a readable table the volumes are still there; they are named by their ids.
        context.Warn("ubi: no intact copy of the volume table; volumes are named by their ids");
        foreach (var id in _blocks.Keys.Where(id => id < UbiVolumeRecord.MaxVolumes).Order())
        {
            var reserved = (uint)Math.Min(PhysicalBlocks, _blocks[id].Keys.Max() + 1L);
            Volumes.Add(new UbiVolumeRecord((int)id, reserved, 0, UbiVidHeader.Dynamic, string.Empty));
        }

        DropBlocksBeyondVolumes(context);
    }

    private void WarnAboutUnlisted(UnpackContext context)
    {
        var listed = Volumes.Select(v => (uint)v.VolumeId).ToHashSet();
        var unlisted = _blocks.Keys.Count(id => !listed.Contains(id));
        if (unlisted > 0)
        {
            context.Warn(Invariant.Text($"ubi: eraseblocks of {unlisted} volumes the volume table does not list were ignored"));
        }
    }

    private void DropBlocksBeyondVolumes(UnpackContext context)
    {
        foreach (var volume in Volumes)
        {
            // A logical block beyond the volume's reservation, or beyond the blocks the image has, cannot belong to
            // it; dropping it also bounds a volume's length by the image rather than by a forged header.
            if (_blocks.TryGetValue((uint)volume.VolumeId, out var blocks))
            {
                var limit = Math.Min(volume.ReservedBlocks, PhysicalBlocks);
                var beyond = blocks.Keys.Where(lnum => lnum >= limit).ToList();
                foreach (var lnum in beyond)
                {
                    blocks.Remove(lnum);
                }

                if (beyond.Count > 0)
                {
                    context.Warn(Invariant.Text(
                        $"ubi: {beyond.Count} eraseblocks of volume '{volume.Name}' beyond its {limit} possible ones were ignored"));
                }
            }
        }
    }
}
