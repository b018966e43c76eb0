using System.Buffers.Binary;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs.Tests;

/// <summary>
/// Squashfs images from the shared corpus, compared with what unsquashfs 4.5.1 found in them
/// (corpus-listing.tsv, written by list-corpus.py from unsquashfs's own listing and extraction).
/// </summary>
public sealed class CorpusTests
{
    private static readonly SquashFsReader Reader = new();

    private static readonly string[][] Listing = File.ReadAllLines(Images.Fixture("corpus-listing.tsv"))
        .Where(line => !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .ToArray();

    [SharedFact("corpus/binwalk/tests/inputs/squashfs.bin")]
    public void Binwalks_squashfs_sample_opens_with_the_entries_unsquashfs_lists()
    {
        // A 315-byte gzip image padded to 4 KiB: the match must stop at bytes_used.
        var bytes = File.ReadAllBytes(Images.Corpus("binwalk/tests/inputs/squashfs.bin"));
        var match = Reader.Identify(bytes, bytes.Length);

        Assert.Equal(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(40)), match?.Length);
        Assert.True(match!.Length < bytes.Length);
        AssertMatchesUnsquashfs("binwalk/tests/inputs/squashfs.bin", UnpackSource.FromBytes("squashfs.bin", bytes.AsMemory(0, (int)match.Length!)));
    }

    [SharedFact("corpus/binwalk/tests/inputs/squashfs_v2.bin")]
    public void Binwalks_v2_sample_is_big_endian_squashfs_2_0_and_sent_to_unsquashfs()
    {
        // unsquashfs -s: "Found a valid big endian SQUASHFS 2:0 superblock", "Filesystem size 2587654 bytes", "Block size 65536".
        var bytes = File.ReadAllBytes(Images.Corpus("binwalk/tests/inputs/squashfs_v2.bin"));

        var match = Reader.Identify(bytes, bytes.Length);
        var error = Assert.Throws<ReaderUnavailableException>(() => Reader.Read(UnpackSource.FromBytes("squashfs_v2.bin", bytes), Images.Context()));

        Assert.Equal(new FormatMatch(2587654, "squashfs 2.0 (big-endian), block 64 KiB"), match);
        Assert.Contains("squashfs 2.0 (big-endian)", error.Message, StringComparison.Ordinal);
        Assert.Contains("unsquashfs (Debian package squashfs-tools)", error.Message, StringComparison.Ordinal);
    }

    [SharedFact("corpus/rauc/test")]
    public void Rauc_bundles_open_up_to_bytes_used_with_the_entries_unsquashfs_lists()
    {
        // A bundle is the squashfs image, then a CMS signature, then the signature's size as 8 big-endian bytes.
        var bundles = Listing.Select(row => row[0]).Where(image => image.StartsWith("rauc/", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(7, bundles.Count);
        foreach (var bundle in bundles)
        {
            var bytes = File.ReadAllBytes(Images.Corpus(bundle));
            var signatureSize = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(bytes.Length - 8));

            var match = Reader.Identify(bytes, bytes.Length);

            Assert.NotNull(match);
            Assert.True(match.Length <= bytes.Length - 8 - signatureSize, $"{bundle}: the image must end before the signature");
            AssertMatchesUnsquashfs(bundle, UnpackSource.FromBytes(bundle, bytes.AsMemory(0, (int)match.Length!.Value)));
        }
    }

    [SharedFact("corpus/rauc/test/invalid-sig-bundle.raucb")]
    public void Rauc_bundle_with_a_corrupted_payload_lists_but_its_content_fails_with_the_block_named()
    {
        // unsquashfs lists it but fails to extract: "gzip uncompress failed with error code -3" (one byte of the
        // fragment block differs from good-bundle.raucb).
        var bytes = File.ReadAllBytes(Images.Corpus("rauc/test/invalid-sig-bundle.raucb"));
        var entries = Reader.Read(UnpackSource.FromBytes("invalid-sig-bundle.raucb", bytes), Images.Context()).GetEnumerator();
        Assert.True(entries.MoveNext());

        using var content = entries.Current.Open!();
        var error = Assert.Throws<UnpackException>(() => content.CopyTo(Stream.Null));

        Assert.Contains("fragment block 0 (used by '.custom_handler.sh.swp')", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not decompress", error.Message, StringComparison.Ordinal);
    }

    [SharedFact("corpus/rauc/test/good-crypt-bundle-encrypted.raucb")]
    public void Rauc_crypt_bundles_are_not_squashfs_at_offset_0_because_the_payload_is_encrypted()
    {
        // unsquashfs: "Can't find a valid SQUASHFS superblock". A crypt bundle's squashfs is encrypted as a whole
        // (AES-256-CBC in dm-crypt layout), signed or not, so nothing of it can be read without the key.
        foreach (var name in new[] { "good-crypt-bundle-encrypted.raucb", "good-crypt-bundle-unencrypted.raucb" })
        {
            var bytes = File.ReadAllBytes(Images.Corpus("rauc/test/" + name));

            Assert.Null(Reader.Identify(bytes, bytes.Length));
            var error = Assert.Throws<UnpackException>(() => Reader.Read(UnpackSource.FromBytes(name, bytes), Images.Context()));
            Assert.Contains("does not start with a squashfs superblock", error.Message, StringComparison.Ordinal);
        }
    }

    private static void AssertMatchesUnsquashfs(string image, UnpackSource source)
    {
        var rows = Listing.Where(row => row[0] == image).ToList();
        var unreadable = rows.Any(row => row[7] == "unreadable");
        var expected = rows.Select(row => string.Join('\t', row[1..])).ToList();
        Assert.NotEmpty(expected);

        var actual = new List<string>();
        foreach (var entry in Reader.Read(source, Images.Context()))
        {
            var isFile = entry.Type == EntryType.File;
            var digest = "-";
            if (isFile && !unreadable)
            {
                using var stream = entry.Open!();
                digest = Images.Hash(stream).Sha256;
            }

            actual.Add(string.Join('\t',
                entry.Path,
                Images.TypeName(entry.Type),
                Images.Octal(entry.Mode),
                Images.Invariant($"{entry.Uid}"),
                Images.Invariant($"{entry.Gid}"),
                isFile ? Images.Invariant($"{entry.Size}") : "-",
                isFile ? (unreadable ? "unreadable" : digest) : "-",
                entry.LinkTarget ?? "-"));
        }

        Assert.Equal(expected, actual);
    }
}
