using ComplianceAuditor.Update.Configuration.Parsing;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// One apt repository, from a one-line <c>sources.list</c> entry (<c>deb [trusted=yes] http://… suite comp</c>) or
/// a deb822 <c>.sources</c> stanza (<c>URIs:</c>, <c>Trusted: yes</c>).
/// </summary>
internal sealed record AptSource(string Uri, bool Trusted, bool AllowInsecure, string Text, FileLocation Location)
{
    public bool Unverified => Trusted || AllowInsecure;

    public static IEnumerable<AptSource> ReadList(TextFile file)
    {
        for (var i = 0; i < file.Lines.Count; i++)
        {
            var line = file.Lines[i].Trim();
            if (!line.StartsWith("deb", StringComparison.Ordinal) || ShellWords.IsComment(line))
            {
                continue;
            }

            var rest = line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim();
            var options = string.Empty;
            if (rest.StartsWith('['))
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                options = close > 0 ? rest[1..close] : rest[1..];
                rest = close > 0 ? rest[(close + 1)..].Trim() : string.Empty;
            }

            var uri = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (line.Split(' ')[0] is "deb" or "deb-src" && uri is not null)
            {
                yield return new AptSource(uri, HasOption(options, "trusted"), HasOption(options, "allow-insecure"), line, file.At(i));
            }
        }
    }

    public static IEnumerable<AptSource> ReadDeb822(TextFile file)
    {
        var fields = new Dictionary<string, (string Value, int Index)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i <= file.Lines.Count; i++)
        {
            var line = i < file.Lines.Count ? file.Lines[i] : string.Empty;
            if (line.Trim().Length == 0)
            {
                foreach (var source in Stanza(file, fields))
                {
                    yield return source;
                }

                fields.Clear();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (!line.StartsWith('#') && !char.IsWhiteSpace(line[0]) && colon > 0)
            {
                fields[line[..colon].Trim()] = (line[(colon + 1)..].Trim(), i);
            }
        }
    }

    private static IEnumerable<AptSource> Stanza(TextFile file, Dictionary<string, (string Value, int Index)> fields)
    {
        if (!fields.TryGetValue("URIs", out var uris) || IniReader.IsFalse(fields.GetValueOrDefault("Enabled").Value))
        {
            yield break;
        }

        var trusted = IniReader.IsTrue(fields.GetValueOrDefault("Trusted").Value);
        var insecure = IniReader.IsTrue(fields.GetValueOrDefault("Allow-Insecure").Value);
        foreach (var uri in uris.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(32))
        {
            yield return new AptSource(uri, trusted, insecure, "URIs: " + uris.Value, file.At(uris.Index));
        }
    }

    private static bool HasOption(string options, string name) =>
        options.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(o => o.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase) && IniReader.IsTrue(o[(name.Length + 1)..]));
}
