using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Components.Reading;

/// <summary>
/// Reads Debian-style control data (dpkg and opkg status files, opkg <c>.control</c> files): stanzas separated by blank
/// lines, <c>Field: value</c> lines, continuation lines starting with a space.
/// </summary>
internal static class ControlStanzas
{
    /// <summary>More packages than any real image holds; past it a hostile file only costs time.</summary>
    public const int MaxStanzas = 50_000;

    /// <summary>
    /// The stanzas in the first <paramref name="maxBytes"/> of the artifact, at most <see cref="MaxStanzas"/>. When the
    /// byte limit cut the file, the last stanza is dropped: it may have lost its Version or Status line, and a package
    /// without them would be reported wrongly rather than not at all.
    /// </summary>
    public static ControlData Read(Artifact artifact, int maxBytes)
    {
        var head = BoundedRead.Head(artifact, maxBytes + 1);
        var cut = head.Length > maxBytes;
        var text = System.Text.Encoding.UTF8.GetString(head, 0, Math.Min(head.Length, maxBytes));
        var stanzas = new List<IReadOnlyDictionary<string, string>>();
        var current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0 && !Add(stanzas, current))
                {
                    return new ControlData(stanzas, true);
                }

                current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                // A continuation (a long Description); only the first line of a field is ever used.
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                current.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        if (current.Count > 0 && !cut && !Add(stanzas, current))
        {
            return new ControlData(stanzas, true);
        }

        return new ControlData(stanzas, cut);
    }

    /// <summary>Adds the stanza unless the list is full; false when it is.</summary>
    private static bool Add(List<IReadOnlyDictionary<string, string>> stanzas, Dictionary<string, string> stanza)
    {
        if (stanzas.Count >= MaxStanzas)
        {
            return false;
        }

        stanzas.Add(stanza);
        return true;
    }
}

/// <summary>The stanzas read, and whether the file held more than was read (it was too long, or had too many).</summary>
internal sealed record ControlData(IReadOnlyList<IReadOnlyDictionary<string, string>> Stanzas, bool Truncated)
{
    /// <summary>
    /// The note a detector leaves when <see cref="Truncated"/> is set: the report must not look complete. The path is
    /// cut here, so a long one cannot push the sentence's end out of the note.
    /// </summary>
    public string NoteFor(Artifact artifact) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"read the first {Stanzas.Count} packages of {Core.Text.DisplayText.Sanitize(artifact.Path, 300)}; the rest was not read");
}
