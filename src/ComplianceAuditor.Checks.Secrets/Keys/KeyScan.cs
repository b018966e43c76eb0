using System.Buffers;
using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.KeyMaterial;
using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.Checks.Secrets.Keys;

/// <summary>
/// The key material of one artifact, found once and shared (through the artifact scratch) by every crypto-material
/// rule. The file is streamed in chunks that overlap by the longest candidate the scanner accepts, so memory stays
/// flat whatever the file size; an item is kept from the chunk where it starts before the overlap, so nothing is
/// reported twice or missed at a seam.
/// </summary>
internal sealed record KeyScan(IReadOnlyList<KeyMaterialItem> Items, int Rejected, string? Incomplete)
{
    private const int ChunkSize = 4 << 20;

    /// <summary>The longest candidate the scanner hands over; a chunk's last this-many bytes belong to the next one.</summary>
    private const int Overlap = 64 << 10;

    public static KeyScan Read(Artifact artifact, long maxBytes, CancellationToken cancellationToken)
    {
        var items = new List<KeyMaterialItem>();
        var rejected = 0;
        string? incomplete = null;
        using var stream = artifact.Content!.OpenRead();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + Overlap);
        try
        {
            var filled = 0;
            long bufferStart = 0;
            var end = false;
            while (!end)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var want = (int)Math.Min(buffer.Length - filled, Math.Max(0, maxBytes - (bufferStart + filled)));
                var read = want == 0 ? 0 : stream.ReadAtLeast(buffer.AsSpan(filled, want), want, throwOnEndOfStream: false);
                filled += read;
                end = read < want || bufferStart + filled >= maxBytes;
                if (end && bufferStart + filled >= maxBytes && stream.ReadByte() >= 0)
                {
                    // A fixed byte budget, not the clock, ends the scan: the same input always gives the same result.
                    incomplete = string.Create(CultureInfo.InvariantCulture, $"only the first {maxBytes} bytes were searched");
                }

                var owned = end ? filled : Math.Max(0, filled - Overlap);
                var found = KeyMaterialFinder.Find(buffer.AsSpan(0, filled), bufferStart);
                items.AddRange(found.Items.Where(i => i.Offset < bufferStart + owned));
                rejected += found.Rejected.Count(r => r.Candidate.Offset < bufferStart + owned);
                if (found.CandidateLimitReached)
                {
                    incomplete ??= string.Create(CultureInfo.InvariantCulture, $"the chunk at offset {bufferStart} held more candidates than the scanner's limit");
                }

                buffer.AsSpan(owned, filled - owned).CopyTo(buffer);
                bufferStart += owned;
                filled -= owned;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new KeyScan(items, rejected, incomplete);
    }
}
