using System.Text;
using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.Core.Secrets;

namespace ComplianceAuditor.BuildHardening.Yocto;

/// <summary>Reads the useradd/usermod commands of EXTRA_USERS_PARAMS for passwords set at build time.</summary>
internal static class YoctoExtraUsers
{
    public static void Check(IEnumerable<BitbakeStatement> statements, bool inherited, string source, List<BuildWeakness> weaknesses)
    {
        var note = inherited ? string.Empty : " (extrausers is not inherited in this file; it may be elsewhere)";
        foreach (var s in statements.Where(s => s.Variable == "EXTRA_USERS_PARAMS" && !s.Overrides.Contains("remove")))
        {
            var offset = 0;
            foreach (var command in s.Value.Split(';'))
            {
                var words = ShellWords(command.Replace("\\$", "$", StringComparison.Ordinal));
                var line = s.LineAt(offset + command.Length - command.TrimStart().Length);
                offset += command.Length + 1;
                for (var i = 0; i + 1 < words.Count; i++)
                {
                    var user = words[^1];
                    // BitBake values escape '$' as '\$'; the shell-word pass already dropped the backslashes.
                    var (option, password) = (words[i], words[i + 1]);
                    if (option is "-P" or "--clear-password")
                    {
                        weaknesses.Add(new BuildWeakness("yocto-extrausers-password", $"{words[0]} {option} sets a clear-text password for '{user}' at build time (value not shown){note}", source, line) { Setting = Redacted(words, i + 1) });
                    }
                    else if (option is "-p" or "--password" && password.Length == 0)
                    {
                        weaknesses.Add(new BuildWeakness("yocto-extrausers-password", $"{words[0]} {option} '' gives '{user}' an empty password{note}", source, line) { Setting = Redacted(words, i + 1) });
                    }
                    else if (option is "-p" or "--password" && password.StartsWith('$'))
                    {
                        weaknesses.Add(new BuildWeakness("yocto-extrausers-fixed-password", $"{words[0]} {option} sets one fixed password hash for '{user}' on every device built{note}", source, line) { Setting = Redacted(words, i + 1) });
                    }
                }
            }
        }
    }

    /// <summary>
    /// The command as written with the password word redacted: a clear-text password could be read from the report,
    /// and a hash tried offline. An empty password is shown as <c>''</c>, since there is nothing to hide.
    /// </summary>
    private static string Redacted(List<string> words, int secret) =>
        string.Join(' ', words.Select((word, index) => index != secret ? word : word.Length == 0 ? "''" : SecretText.Redact(word)));

    /// <summary>Shell-like words: single and double quotes group, a backslash escapes the next character.</summary>
    private static List<string> ShellWords(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"' && i + 1 < command.Length)
                {
                    word.Append(command[++i]);
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (c == '\\' && i + 1 < command.Length)
            {
                word.Append(command[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
