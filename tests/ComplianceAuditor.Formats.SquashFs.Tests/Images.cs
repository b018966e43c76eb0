using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs.Tests;

/// <summary>Fixture paths, and reading a whole image the way the driver does: each entry's content before the next.</summary>
internal static class Images
{
    public static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "unpack", "squashfs", name);

    public static string Corpus(string relative) => Path.Combine(RepositoryPaths.Shared, "corpus", relative);

    public static UnpackSource Source(string path) => UnpackSource.FromBytes(Path.GetFileName(path), File.ReadAllBytes(path));

    public static UnpackContext Context(List<string>? warnings = null, CancellationToken cancellationToken = default) =>
        UnpackContext.ForTesting(Path.GetTempPath(), warnings, cancellationToken: cancellationToken);

    /// <summary>Every entry with the SHA-256 and length of its content (files only), read in order.</summary>
    public static List<ReadEntry> ReadAll(IFormatReader reader, UnpackSource source, UnpackContext? context = null)
    {
        var result = new List<ReadEntry>();
        foreach (var entry in reader.Read(source, context ?? Context()))
        {
            string? digest = null;
            long length = 0;
            if (entry.Open is not null)
            {
                using var stream = entry.Open();
                (digest, length) = Hash(stream);
            }

            result.Add(new ReadEntry(entry, digest, length));
        }

        return result;
    }

    public static (string Sha256, long Length) Hash(Stream stream)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            sha.AppendData(buffer, 0, n);
            total += n;
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), total);
    }

    /// <summary>The manifest's column names for our entry types.</summary>
    public static string TypeName(EntryType type) => type switch
    {
        EntryType.File => "file",
        EntryType.Directory => "dir",
        EntryType.Symlink => "symlink",
        EntryType.HardLink => "hardlink",
        EntryType.CharDevice => "chardev",
        EntryType.BlockDevice => "blockdev",
        EntryType.Fifo => "fifo",
        _ => "socket",
    };

    public static string Octal(int? mode) => mode is int m ? Convert.ToString(m, 8).PadLeft(4, '0') : "-";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

internal sealed record ReadEntry(UnpackedEntry Entry, string? Sha256, long ContentLength);
