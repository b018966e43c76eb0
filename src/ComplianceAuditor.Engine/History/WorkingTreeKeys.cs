using System.Collections.Concurrent;

namespace ComplianceAuditor.Engine.History;

/// <summary>
/// The evidence keys of the failures history rules found in a target's own files. A secret the history scan meets that
/// is still in the tree is reported there, where removing it starts; the history adds a second finding only for what
/// the tree no longer shows.
/// </summary>
internal sealed class WorkingTreeKeys
{
    private readonly ConcurrentDictionary<(int Rule, string Key), byte> _keys = new();

    public void Add(int rule, string evidenceKey)
    {
        foreach (var key in Split(evidenceKey))
        {
            _keys.TryAdd((rule, key), 0);
        }
    }

    /// <summary>
    /// True when every key of a history failure is among the tree's failures of the same rule. Keys that name a place
    /// rather than content (<c>offset:120</c>, for a key without a public half) cannot tell two secrets apart, so a
    /// failure holding one is never folded.
    /// </summary>
    public bool Covers(int rule, string evidenceKey)
    {
        var keys = Split(evidenceKey);
        return keys.Length > 0 && keys.All(k => !IsPlace(k) && _keys.ContainsKey((rule, k)));
    }

    private static bool IsPlace(string key) => key.StartsWith("offset:", StringComparison.Ordinal);

    /// <summary>Checks join the keys of several findings on one artifact with line breaks.</summary>
    private static string[] Split(string evidenceKey) => evidenceKey.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
