using System.Buffers;

namespace ComplianceAuditor.Unpacking;

/// <summary>
/// Finds images embedded in a larger blob (a flash dump, a vendor container): every registered signature is searched
/// for, and each hit is only accepted when the reader validates a header at the implied start, so a magic number
/// inside code or data is not taken for an image. Accepted images do not overlap: the earliest wins, and hits inside
/// an accepted image belong to it (its own reader opens them).
/// </summary>
public static class Carver
{
    private const int ChunkSize = 4 << 20;

    /// <summary>Header checks one blob may cost: a blob dense with magic numbers must not take minutes.</summary>
    public const int DefaultMaxChecks = 65_536;

    public static IReadOnlyList<RecognizedImage> Find(FormatRegistry formats, UnpackSource blob, int maxImages, CancellationToken cancellationToken) =>
        Find(formats, blob, maxImages, DefaultMaxChecks, out _, cancellationToken);

    /// <summary>
    /// As <see cref="Find(FormatRegistry, UnpackSource, int, CancellationToken)"/>, validating at most
    /// <paramref name="maxChecks"/> candidate headers; <paramref name="checksExhausted"/> says the search stopped there.
    /// </summary>
    public static IReadOnlyList<RecognizedImage> Find(
        FormatRegistry formats, UnpackSource blob, int maxImages, int maxChecks, out bool checksExhausted, CancellationToken cancellationToken)
    {
        checksExhausted = false;
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(blob);
        var signatures = formats.Formats
            .SelectMany(f => f.Reader.Signatures.Where(s => s.Magic.Length >= 2).Select(s => (Format: f, Signature: s)))
            .ToArray();
        if (signatures.Length == 0)
        {
            return [];
        }

        var found = new List<RecognizedImage>();
        var longest = signatures.Max(s => s.Signature.Magic.Length);
        var lookahead = Math.Max(longest - 1, FormatSignature.HeadBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + lookahead);
        var head = ArrayPool<byte>.Shared.Rent(FormatSignature.HeadBytes);
        try
        {
            long covered = 0;
            var checks = 0;

            // An image of unknown length (jffs2, a gzip stream) holds more of its own magic numbers further on (every
            // jffs2 node starts with one); those are part of it, not new images. Other formats may still start later.
            var openEnded = new HashSet<string>(StringComparer.Ordinal);
            for (long chunkStart = 0; chunkStart < blob.Length && found.Count < maxImages && !checksExhausted; chunkStart += ChunkSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Chunks overlap by more than the longest magic, so a magic across a chunk border is still seen once; the
                // overlap also holds the head of every image starting in this chunk, so a blob dense with magic numbers
                // costs a header check per hit, not a read.
                var read = blob.ReadAt(chunkStart, buffer.AsSpan(0, (int)Math.Min(ChunkSize + lookahead, blob.Length - chunkStart)));
                var hits = Hits(buffer.AsSpan(0, read), chunkStart, signatures, ChunkSize, maxChecks - checks + 1);
                foreach (var (position, format) in hits)
                {
                    if (position < covered || found.Count >= maxImages || openEnded.Contains(format.Format))
                    {
                        continue;
                    }

                    if (++checks > maxChecks)
                    {
                        checksExhausted = true;
                        break;
                    }

                    ReadOnlySpan<byte> imageHead;
                    if (position >= chunkStart)
                    {
                        var at = (int)(position - chunkStart);
                        imageHead = buffer.AsSpan(at, Math.Min(FormatSignature.HeadBytes, read - at));
                    }
                    else
                    {
                        // The magic sits inside the image and the image starts in the previous chunk.
                        imageHead = head.AsSpan(0, blob.ReadAt(position, head.AsSpan(0, FormatSignature.HeadBytes)));
                    }

                    var image = Recognizer.Try(format, imageHead, blob.Length - position, position);
                    if (image is not null)
                    {
                        found.Add(image);

                        // Without a declared length the image's end is unknown: later hits of other formats may start
                        // new images, and end this one there.
                        covered = image.LengthKnown ? position + image.Length : position + 1;

                        // A new image ends any open-ended one before it; its magic numbers may start images again.
                        openEnded.Clear();
                        if (!image.LengthKnown)
                        {
                            openEnded.Add(format.Format);
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<byte>.Shared.Return(head);
        }

        return EndAtNext(found, blob.Length);
    }

    /// <summary>Image starts implied by signature hits in one chunk, in file order; hits before the blob's start are dropped.</summary>
    /// <remarks>At most <paramref name="limit"/> hits per signature are kept: more could not be checked anyway.</remarks>
    private static List<(long Position, RegisteredFormat Format)> Hits(
        ReadOnlySpan<byte> chunk, long chunkStart, (RegisteredFormat Format, FormatSignature Signature)[] signatures, int ownedBytes, int limit)
    {
        var hits = new List<(long, RegisteredFormat)>();
        foreach (var (format, signature) in signatures)
        {
            var magic = signature.Magic.AsSpan();
            var kept = 0;
            for (int from = 0, at; kept < limit && from < chunk.Length && (at = chunk[from..].IndexOf(magic)) >= 0; from += at + 1)
            {
                var magicAt = from + at;
                if (magicAt >= ownedBytes)
                {
                    break; // in the overlap: the next chunk owns it
                }

                var start = chunkStart + magicAt - signature.OffsetInImage;
                if (start >= 0)
                {
                    hits.Add((start, format));
                    kept++;
                }
            }
        }

        // A stable sort: at one position the formats stay in registration order, so the first registered is asked first.
        return [.. hits.OrderBy(h => h.Item1)];
    }

    /// <summary>An image whose header gives no length runs until the next image (or the end of the blob).</summary>
    private static List<RecognizedImage> EndAtNext(List<RecognizedImage> images, long blobLength)
    {
        for (var i = 0; i < images.Count; i++)
        {
            var limit = i + 1 < images.Count ? images[i + 1].Offset : blobLength;
            if (images[i].Offset + images[i].Length > limit)
            {
                images[i] = images[i] with { Length = limit - images[i].Offset };
            }
        }

        return images;
    }
}
