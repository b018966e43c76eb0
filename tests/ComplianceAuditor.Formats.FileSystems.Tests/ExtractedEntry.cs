using System.Security.Cryptography;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

/// <summary>An entry with its content already read and hashed.</summary>
internal sealed record ExtractedEntry(
    string Path, EntryType Type, long Size, int? Mode, long? Uid, long? Gid, string? LinkTarget, (long Major, long Minor)? Device,
    long? ContentLength, string? Sha256)
{
    public static ExtractedEntry From(UnpackedEntry entry)
    {
        long? length = null;
        string? sha = null;
        if (entry.Open is not null)
        {
            using var stream = entry.Open();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                total += n;
            }

            length = total;
            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        return new ExtractedEntry(entry.Path, entry.Type, entry.Size, entry.Mode, entry.Uid, entry.Gid, entry.LinkTarget, entry.Device, length, sha);
    }
}
