namespace ComplianceAuditor.BuildHardening.Flags;

/// <summary>Recognises hardening flags among the words of a build statement, including <c>-Wl,</c> lists and <c>-z X</c> pairs.</summary>
internal static class FlagClassifier
{
    public static readonly string[] Features = ["bind-now", "cf-protection", "fortify", "noexecstack", "pie", "relro", "ssp"];

    /// <summary>Adds an occurrence for each hardening flag among <paramref name="words"/>, all on one line.</summary>
    public static void Scan(IReadOnlyList<string> words, string scope, string file, int line, List<FlagOccurrence> into)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = Unwrap(words[i]);
            var next = i + 1 < words.Count ? Unwrap(words[i + 1]) : null;
            if (word.StartsWith("-Wl,", StringComparison.Ordinal))
            {
                var items = word[4..].Split(',');
                for (var j = 0; j < items.Length; j++)
                {
                    if (Linker(items[j], j + 1 < items.Length ? items[j + 1] : null) is { } linked)
                    {
                        into.Add(new FlagOccurrence(linked.Flag, linked.Feature, linked.Enables, scope, file, line));
                        j += linked.Flag.Contains(' ', StringComparison.Ordinal) ? 1 : 0;
                    }
                }
            }
            else if (Linker(word, next) is { } pair)
            {
                into.Add(new FlagOccurrence(pair.Flag, pair.Feature, pair.Enables, scope, file, line));
                i += pair.Flag.Contains(' ', StringComparison.Ordinal) ? 1 : 0;
            }
            else if (Compiler(word, next) is { } flag)
            {
                into.Add(new FlagOccurrence(flag.Flag, flag.Feature, flag.Enables, scope, file, line));
                i += flag.Flag.Contains(' ', StringComparison.Ordinal) ? 1 : 0;
            }
        }
    }

    /// <summary>The flag inside a generator expression such as <c>$&lt;$&lt;CONFIG:Release&gt;:-fPIE&gt;</c>.</summary>
    private static string Unwrap(string word)
    {
        var colon = word.LastIndexOf(":-", StringComparison.Ordinal);
        var inner = word.StartsWith("$<", StringComparison.Ordinal) && colon >= 0 ? word[(colon + 1)..] : word;
        return inner.TrimEnd('>', ',');
    }

    private static (string Flag, string Feature, bool Enables)? Linker(string word, string? next)
    {
        // "-z relro" as two words, "-zrelro" as one.
        var option = word == "-z" ? next : word.StartsWith("-z", StringComparison.Ordinal) && word.Length > 2 ? word[2..] : null;
        var shown = word == "-z" ? $"-z {next}" : word;
        return option switch
        {
            "relro" => (shown, "relro", true),
            "norelro" => (shown, "relro", false),
            "now" => (shown, "bind-now", true),
            "lazy" => (shown, "bind-now", false),
            "noexecstack" => (shown, "noexecstack", true),
            "execstack" => (shown, "noexecstack", false),
            _ => null,
        };
    }

    private static (string Flag, string Feature, bool Enables)? Compiler(string word, string? next)
    {
        var define = word.StartsWith("-D", StringComparison.Ordinal) ? word[2..] : word;
        if (define.StartsWith("_FORTIFY_SOURCE", StringComparison.Ordinal))
        {
            var level = define.Length > 16 && define[15] == '=' ? define[16..] : "1";
            return define.Length == 15 || define[15] == '=' ? (word, "fortify", level != "0") : null;
        }

        if (word is "CMAKE_POSITION_INDEPENDENT_CODE" or "POSITION_INDEPENDENT_CODE" && next is not null)
        {
            var on = next.ToUpperInvariant() is "ON" or "TRUE" or "YES" or "1";
            var off = next.ToUpperInvariant() is "OFF" or "FALSE" or "NO" or "0";
            return on || off ? ($"{word} {next}", "pie", on) : null;
        }

        return word switch
        {
            "-fstack-protector-strong" or "-fstack-protector-all" or "-fstack-protector" or "-fstack-protector-explicit" => (word, "ssp", true),
            "-fno-stack-protector" => (word, "ssp", false),
            "-U_FORTIFY_SOURCE" => (word, "fortify", false),
            "-fPIE" or "-fpie" or "-pie" or "-static-pie" => (word, "pie", true),
            "-no-pie" or "-nopie" or "-fno-pie" or "-fno-PIE" => (word, "pie", false),
            "-fcf-protection=none" or "-mbranch-protection=none" => (word, "cf-protection", false),
            _ when word.StartsWith("-fcf-protection", StringComparison.Ordinal) || word.StartsWith("-mbranch-protection=", StringComparison.Ordinal) => (word, "cf-protection", true),
            _ => null,
        };
    }
}
