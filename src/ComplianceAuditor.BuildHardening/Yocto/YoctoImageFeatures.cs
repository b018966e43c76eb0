using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.BuildHardening.Yocto;

/// <summary>
/// Works out which IMAGE_FEATURES / EXTRA_IMAGE_FEATURES words a file leaves in effect: plain assignments replace,
/// weak ones set only when nothing is set yet, appends add, and <c>:remove</c> takes words out at the end, as BitBake does.
/// Conditional overrides (<c>:pn-foo</c>, a machine) add their words too; the description says they are conditional.
/// </summary>
internal static class YoctoImageFeatures
{
    private static readonly (string Word, string Code, string Why)[] Risky =
    [
        ("debug-tweaks", "yocto-debug-tweaks", "enables empty root password, root login and post-install logging for development"),
        ("empty-root-password", "yocto-empty-root-password", "root has an empty password"),
        ("allow-empty-password", "yocto-allow-empty-password", "SSH servers accept accounts with empty passwords"),
        ("allow-root-login", "yocto-allow-root-login", "SSH servers accept root logins"),
        ("post-install-logging", "yocto-post-install-logging", "post-install scripts log to the image, a development aid"),
        ("serial-autologin-root", "yocto-serial-autologin-root", "the serial console logs root in without a password"),
    ];

    public static List<string> Evaluate(IEnumerable<BitbakeStatement> statements, string source, List<BuildWeakness> weaknesses)
    {
        var words = new Dictionary<string, (string Variable, int Line, bool Conditional)>(StringComparer.Ordinal);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in statements.Where(s => s.Variable is "IMAGE_FEATURES" or "EXTRA_IMAGE_FEATURES"))
        {
            var adds = s.Overrides.Contains("append") || s.Overrides.Contains("prepend") || s.Operator is "+=" or "=+" or ".=" or "=.";
            var conditional = s.Overrides.Any(o => o is not ("append" or "prepend" or "remove"));
            if (s.Overrides.Contains("remove"))
            {
                removed.UnionWith(s.Value.Split(' ', '\t').Where(w => w.Length > 0));
                continue;
            }

            if (s.Operator is "?=" or "??=" && set.Contains(s.Variable))
            {
                continue;
            }

            if (!adds && !conditional)
            {
                // A plain assignment replaces what this variable had; words held by the other variable stay.
                foreach (var old in words.Where(w => w.Value.Variable == s.Variable).Select(w => w.Key).ToList())
                {
                    words.Remove(old);
                }
            }

            set.Add(s.Variable);
            foreach (var (word, offset) in Words(s.Value))
            {
                words[word] = (s.Variable, s.LineAt(offset), conditional);
            }
        }

        foreach (var (word, code, why) in Risky)
        {
            if (words.TryGetValue(word, out var at) && !removed.Contains(word))
            {
                var when = at.Conditional ? " (under a conditional override)" : string.Empty;
                weaknesses.Add(new BuildWeakness(code, $"{at.Variable} contains '{word}'{when}: {why}", source, at.Line));
            }
        }

        return [.. words.Keys.Where(w => !removed.Contains(w)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The whitespace-separated words of a value with their offsets.</summary>
    internal static IEnumerable<(string Word, int Offset)> Words(string value)
    {
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            var start = i;
            while (i < value.Length && !char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            if (i > start)
            {
                yield return (value[start..i], start);
            }
        }
    }
}
