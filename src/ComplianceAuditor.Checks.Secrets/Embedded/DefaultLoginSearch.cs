using ComplianceAuditor.Credentials.Dictionary;

namespace ComplianceAuditor.Checks.Secrets.Embedded;

/// <summary>A default login found in bytes: where its password lies and how far its user name is from it.</summary>
internal sealed record Hit(long Offset, DefaultCredential Credential, int Distance);

/// <summary>
/// The search behind <see cref="EmbeddedCredentialsCheck"/>: distinctive dictionary passwords among the tokens of a
/// buffer, then their user names within <see cref="Reach"/> bytes. Kept apart from the streaming so the benchmark
/// can time it on whole files.
/// </summary>
internal static class DefaultLoginSearch
{
    /// <summary>How far apart (in bytes) user name and password may lie: adjacent entries of a string table.</summary>
    public const int Reach = 128;

    /// <summary>Adds a hit for each dictionary entry whose password token starts in [ownedFrom, ownedTo).</summary>
    public static void Search(ReadOnlySpan<byte> data, int ownedFrom, int ownedTo, long bufferStart, CredentialPairs pairs, Dictionary<DefaultCredential, Hit> hits)
    {
        // Tokenising every printable run costs a call or two per token, and binaries are full of short tokens; looking
        // for the few distinctive passwords themselves skips straight to the places that matter, and only there are
        // token boundaries and the exact token checked.
        WidenedSearch.ForEach(data, ownedFrom, ownedTo, pairs.Passwords, CredentialPairs.MaxLength, (bytes, start) =>
        {
            if (pairs.TokenAt(bytes, start) is { } entries)
            {
                Add(bytes, start, bufferStart, entries, hits);
            }
        });
    }

    private static void Add(ReadOnlySpan<byte> data, int start, long bufferStart, DefaultCredential[] entries, Dictionary<DefaultCredential, Hit> hits)
    {
        foreach (var entry in entries)
        {
            if (!hits.ContainsKey(entry) && UserNear(data, start, entry) is { } distance)
            {
                hits[entry] = new Hit(bufferStart + start, entry, distance);
            }
        }
    }

    /// <summary>How far the entry's user name lies from the password at <paramref name="start"/>, or null.</summary>
    private static int? UserNear(ReadOnlySpan<byte> data, int start, DefaultCredential entry)
    {
        var from = Math.Max(0, start - Reach);
        var to = Math.Min(data.Length, start + entry.Password.Length + Reach);
        int? nearest = null;
        TokenScanner.ForEach(data, from, to, (bytes, at, length) =>
        {
            if (at != start && TokenScanner.TokenEquals(bytes, at, length, entry.Username!))
            {
                var distance = Math.Abs(at - start);
                nearest = nearest is { } n ? Math.Min(n, distance) : distance;
            }
        });
        return nearest;
    }
}
