using System.Text;

namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>
/// Reads apt.conf syntax into flat <c>A::B::C</c> keys: both <c>Acquire::https::Verify-Peer "false";</c> and the
/// nested <c>Acquire { https { Verify-Peer "false"; }; };</c> form. Comments (<c>//</c>, <c>#</c>, <c>/* */</c>)
/// are dropped; nesting is bounded by <see cref="MaxDepth"/>.
/// </summary>
internal static class AptConfReader
{
    public const int MaxDepth = 16;

    public static IReadOnlyList<ConfigEntry> Read(TextFile file)
    {
        var entries = new List<ConfigEntry>();
        var scopes = new List<string>();
        string? pendingName = null;
        var inBlockComment = false;
        for (var i = 0; i < file.Lines.Count; i++)
        {
            var line = file.Lines[i];
            var at = 0;
            while (at < line.Length)
            {
                if (inBlockComment)
                {
                    var end = line.IndexOf("*/", at, StringComparison.Ordinal);
                    inBlockComment = end < 0;
                    at = end < 0 ? line.Length : end + 2;
                    continue;
                }

                var c = line[at];
                if (char.IsWhiteSpace(c) || c == ';')
                {
                    at++;
                }
                else if (c == '#' || (c == '/' && at + 1 < line.Length && line[at + 1] == '/'))
                {
                    break;
                }
                else if (c == '/' && at + 1 < line.Length && line[at + 1] == '*')
                {
                    inBlockComment = true;
                    at += 2;
                }
                else if (c == '{')
                {
                    if (scopes.Count < MaxDepth)
                    {
                        scopes.Add(pendingName ?? string.Empty);
                    }

                    pendingName = null;
                    at++;
                }
                else if (c == '}')
                {
                    if (scopes.Count > 0)
                    {
                        scopes.RemoveAt(scopes.Count - 1);
                    }

                    at++;
                }
                else if (c == '"')
                {
                    var value = Quoted(line, ref at);
                    if (pendingName is not null)
                    {
                        entries.Add(new ConfigEntry(Join(scopes, pendingName), value, i + 1));
                        pendingName = null;
                    }
                }
                else
                {
                    var start = at;
                    while (at < line.Length && !char.IsWhiteSpace(line[at]) && line[at] is not ('"' or '{' or '}' or ';'))
                    {
                        at++;
                    }

                    pendingName = line[start..at];
                }
            }
        }

        return entries;
    }

    private static string Quoted(string line, ref int at)
    {
        var value = new StringBuilder();
        at++;
        while (at < line.Length && line[at] != '"')
        {
            value.Append(line[at++]);
        }

        at++;
        return value.ToString();
    }

    private static string Join(List<string> scopes, string name)
    {
        var parts = scopes.Where(s => s.Length > 0).Append(name);
        return string.Join("::", parts);
    }
}
