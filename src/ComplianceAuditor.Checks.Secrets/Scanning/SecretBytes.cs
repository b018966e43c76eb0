using System.Buffers;
using System.Globalization;
using ComplianceAuditor.Checks.Secrets.Embedded;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Credentials.Dictionary;
using ComplianceAuditor.KeyMaterial;
using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.Checks.Secrets.Scanning;

/// <summary>
/// What the byte-level secret rules look for in one artifact, found in one pass over its bytes and shared through the
/// artifact scratch: key material (every crypto-material rule) and built-in default logins (embedded-credentials).
/// Reading every file of a large tree once per rule cost more than the searches themselves.
/// The file is streamed in chunks that overlap by the longest key candidate the scanner accepts; each chunk owns the
/// bytes from its start to where the next one starts, keeps <see cref="DefaultLoginSearch.Reach"/> bytes before them
/// for context, and a finding is kept only from the chunk that owns where it starts: nothing twice, nothing lost at
/// a seam, memory flat whatever the file size.
/// </summary>
internal sealed record SecretBytes(
    IReadOnlyList<KeyMaterialItem> Keys, int RejectedKeys, IReadOnlyDictionary<DefaultCredential, Hit> Logins, string? Incomplete)
{
    /// <summary>Account names with a password-like neighbour near a login prompt (<see cref="PromptLoginSearch"/>).</summary>
    public IReadOnlyList<PromptHit> PromptLogins { get; init; } = [];

    /// <summary>The byte budget ended the scan before the end of the file (the other reason is the key-candidate limit).</summary>
    public bool Truncated { get; init; }

    /// <summary>The longest candidate the key scanner hands over; a chunk's last this-many bytes are read again.</summary>
    private const int Overlap = 64 << 10;

    // Context kept before a chunk's own bytes: as far as either login search looks back.
    private const int Lead = DefaultLoginSearch.Reach > PromptLoginSearch.Reach ? DefaultLoginSearch.Reach : PromptLoginSearch.Reach;

    /// <summary>With the overlap and the lead, a chunk fills a 1 MiB buffer exactly, as the pool hands them out.</summary>
    private const int BufferSize = 1 << 20;

    /// <summary>Where the first chunk's bytes end and the second's begin: for tests that put things on the seam.</summary>
    internal const int FirstSeam = BufferSize - Overlap;

    public const string ScratchKey = "secret-bytes";

    public static SecretBytes Read(Artifact artifact, long maxBytes, CancellationToken cancellationToken)
    {
        var keys = new List<KeyMaterialItem>();
        var logins = new Dictionary<DefaultCredential, Hit>();
        var promptLogins = new List<PromptHit>();
        var rejected = 0;
        string? incomplete = null;
        var truncated = false;

        // An item kept from one chunk may reach into the next, whose scan no longer sees its start and would report
        // what is nested in it (the PKCS#1 key inside a PKCS#8 key) as items of their own.
        var coveredUntil = long.MinValue;
        using var stream = artifact.Content!.OpenRead();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            // buffer[0..ownedFrom) is context already owned by the previous chunk; then come the bytes this chunk owns.
            var filled = 0;
            var ownedFrom = 0;
            long bufferStart = 0;
            var end = false;
            while (!end)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var want = (int)Math.Min(BufferSize - filled, Math.Max(0, maxBytes - (bufferStart + filled)));
                var read = want == 0 ? 0 : stream.ReadAtLeast(buffer.AsSpan(filled, want), want, throwOnEndOfStream: false);
                filled += read;
                end = read < want || bufferStart + filled >= maxBytes;
                if (end && bufferStart + filled >= maxBytes && stream.ReadByte() >= 0)
                {
                    // A fixed byte budget, not the clock, ends the scan: the same input always gives the same result.
                    incomplete = string.Create(CultureInfo.InvariantCulture, $"only the first {maxBytes} bytes were searched");
                    truncated = true;
                }

                var ownedTo = end ? filled : filled - Overlap;
                var chunk = buffer.AsSpan(0, filled);
                var found = KeyMaterialFinder.Find(chunk, bufferStart, cancellationToken);
                foreach (var item in found.Items.Where(i => i.Offset >= bufferStart + ownedFrom && i.Offset < bufferStart + ownedTo && i.Offset >= coveredUntil))
                {
                    keys.Add(item);
                    coveredUntil = Math.Max(coveredUntil, item.Offset + item.Length);
                }

                rejected += found.Rejected.Count(r => r.Candidate.Offset >= bufferStart + ownedFrom && r.Candidate.Offset < bufferStart + ownedTo);
                if (found.CandidateLimitReached)
                {
                    incomplete ??= string.Create(CultureInfo.InvariantCulture, $"the chunk at offset {bufferStart} held more key candidates than the scanner's limit");
                }

                DefaultLoginSearch.Search(chunk, ownedFrom, ownedTo, bufferStart, CredentialPairs.BuiltIn, logins);
                PromptLoginSearch.Search(chunk, ownedFrom, ownedTo, bufferStart, promptLogins);

                // The next chunk starts at ownedTo, with Lead bytes of context before it.
                var keep = Math.Max(0, ownedTo - Lead);
                buffer.AsSpan(keep, filled - keep).CopyTo(buffer);
                bufferStart += keep;
                ownedFrom = ownedTo - keep;
                filled -= keep;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new SecretBytes(keys, rejected, logins, incomplete) { Truncated = truncated, PromptLogins = promptLogins };
    }
}
