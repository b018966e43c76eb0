using System.Globalization;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// A minimal, bounded walk over a tar archive held in memory: the regular files in storage order with their offsets,
/// names from PAX or GNU long-name entries applied. Every size is checked against the bytes left; a defect ends the
/// walk with <see cref="Problem"/> set and keeps the entries read before it.
/// </summary>
internal sealed record TarArchive(IReadOnlyList<TarEntry> Entries, string? Problem)
{
    /// <summary>More members than any update artifact has; bounds the work on a hostile archive.</summary>
    public const int MaxEntries = 10_000;

    public TarEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);

    public static TarArchive Read(ReadOnlySpan<byte> bytes)
    {
        var entries = new List<TarEntry>();
        string? pendingName = null;
        long at = 0;
        for (var count = 0; count < MaxEntries; count++)
        {
            if (at >= bytes.Length)
            {
                // Writers end with zero blocks, but an archive that simply stops after its last member is read as complete.
                return new TarArchive(entries, null);
            }

            if (at + TarHeader.BlockSize > bytes.Length)
            {
                return new TarArchive(entries, "the tar archive ends inside a header");
            }

            var block = bytes.Slice((int)at, TarHeader.BlockSize);
            if (TarHeader.IsZeroBlock(block))
            {
                return new TarArchive(entries, null);
            }

            if (TarHeader.TryParse(block, out var problem) is not { } header)
            {
                return new TarArchive(entries, string.Create(CultureInfo.InvariantCulture, $"at offset {at}: {problem}"));
            }

            var data = at + TarHeader.BlockSize;
            if (header.Size > bytes.Length - data)
            {
                return new TarArchive(entries, string.Create(CultureInfo.InvariantCulture,
                    $"member '{header.Name}' declares {header.Size} bytes, past the end of the {bytes.Length}-byte archive"));
            }

            var content = bytes.Slice((int)data, (int)header.Size);
            switch (header.Type)
            {
                case 'x' or 'L' when header.Size > PaxRecords.MaxSize:
                    return new TarArchive(entries, string.Create(CultureInfo.InvariantCulture, $"an extended header of {header.Size} bytes is too large"));
                case 'x':
                    pendingName = PaxRecords.Path(content) ?? pendingName;
                    break;
                case 'L':
                    pendingName = PaxRecords.LongName(content);
                    break;
                case 'g':
                    break;
                default:
                    if (header.IsFile)
                    {
                        entries.Add(new TarEntry(pendingName ?? header.Name, data, header.Size));
                    }

                    pendingName = null;
                    break;
            }

            at = data + TarHeader.Padded(header.Size);
        }

        return new TarArchive(entries, string.Create(CultureInfo.InvariantCulture, $"more than {MaxEntries} members; the rest were not read"));
    }
}
