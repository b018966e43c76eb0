using System.Globalization;
using System.Security.Cryptography;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// The SHA-256 of every regular file in a tar read from a stream (a decompressed payload), hashed as it streams past
/// so that a large payload is never held in memory. The caller bounds the stream; a defect ends the walk with
/// <see cref="Problem"/> set and keeps the digests computed before it.
/// </summary>
internal sealed record TarStreamDigests(IReadOnlyDictionary<string, string> Sha256, string? Problem)
{
    public static TarStreamDigests Compute(Stream stream)
    {
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        var block = new byte[TarHeader.BlockSize];
        var buffer = new byte[64 * 1024];
        string? pendingName = null;
        try
        {
            for (var count = 0; count < TarArchive.MaxEntries; count++)
            {
                if (!Fill(stream, block) || TarHeader.IsZeroBlock(block))
                {
                    return new(digests, null);
                }

                if (TarHeader.TryParse(block, out var problem) is not { } header)
                {
                    return new(digests, problem);
                }

                if (header.Type is 'x' or 'L')
                {
                    if (header.Size > PaxRecords.MaxSize)
                    {
                        return new(digests, "an extended header is too large");
                    }

                    var records = new byte[TarHeader.Padded(header.Size)];
                    if (!Fill(stream, records))
                    {
                        return new(digests, "the payload ends inside an extended header");
                    }

                    pendingName = header.Type == 'x' ? PaxRecords.Path(records.AsSpan(0, (int)header.Size)) ?? pendingName
                        : PaxRecords.LongName(records.AsSpan(0, (int)header.Size));
                    continue;
                }

                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                if (!Consume(stream, TarHeader.Padded(header.Size), header.Size, hash, buffer))
                {
                    return new(digests, string.Create(CultureInfo.InvariantCulture, $"the payload ends inside '{header.Name}'"));
                }

                if (header.IsFile)
                {
                    digests[pendingName ?? header.Name] = Convert.ToHexStringLower(hash.GetHashAndReset());
                }

                pendingName = null;
            }

            return new(digests, string.Create(CultureInfo.InvariantCulture, $"more than {TarArchive.MaxEntries} members"));
        }
        catch (InvalidDataException e)
        {
            return new(digests, e.Message);
        }
    }

    /// <summary>Reads <paramref name="total"/> bytes, hashing the first <paramref name="hashed"/> of them.</summary>
    private static bool Consume(Stream stream, long total, long hashed, IncrementalHash hash, byte[] buffer)
    {
        while (total > 0)
        {
            var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, total));
            if (n == 0)
            {
                return false;
            }

            var useful = (int)Math.Min(n, Math.Max(hashed, 0));
            hash.AppendData(buffer, 0, useful);
            hashed -= n;
            total -= n;
        }

        return true;
    }

    private static bool Fill(Stream stream, byte[] target)
    {
        var at = 0;
        while (at < target.Length)
        {
            var n = stream.Read(target, at, target.Length - at);
            if (n == 0)
            {
                return false;
            }

            at += n;
        }

        return true;
    }
}
