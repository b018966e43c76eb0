using ComplianceAuditor.Analyzers.Infrastructure;

namespace ComplianceAuditor.Analyzers.Credentials;

/// <summary>
/// Judges the text of a constant: whether it can be a real secret, or is a placeholder, a mask, a prompt or the name
/// of a setting. Well-known defaults ("admin", "changeme", "password") are secrets here: they are exactly the
/// universal default passwords the rule exists for.
/// </summary>
internal static class SecretValues
{
    // Words that only occur in text written to be replaced: "YOUR_PASSWORD", "your-password-here", "REPLACE-ME".
    private static readonly ImmutableHashSet<string> PlaceholderWords = ImmutableHashSet.Create(StringComparer.Ordinal,
    [
        "your", "yours", "placeholder", "replace", "replaceme", "insert", "todo", "fixme", "tbd", "redacted", "example",
        "sample",
    ]);

    // Values that stand for "nothing" rather than for a secret.
    private static readonly ImmutableHashSet<string> EmptyWords = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, ["null", "none", "nil", "undefined", "n/a"]);

    private static readonly ImmutableHashSet<string> PromptVerbs = ImmutableHashSet.Create(StringComparer.Ordinal, ["enter", "type", "please", "input", "provide"]);

    // Opening and closing marks of template and substitution syntaxes: <password>, ${WIFI_PASS}, $(Secret), %PASSWORD%,
    // {password}, [PASSWORD] (Meadow's Secrets.cs template), #{Token}# (release pipelines), __TOKEN__.
    private static readonly ImmutableArray<(string Open, string Close)> Wrappers =
        ImmutableArray.Create(("<", ">"), ("${", "}"), ("$(", ")"), ("%", "%"), ("{", "}"), ("[", "]"), ("#{", "}#"), ("__", "__"));

    private static readonly ImmutableArray<string> ConnectionStringSecretKeys = ImmutableArray.Create("password", "pwd", "sharedaccesskey", "accountkey", "sharedaccesssignature");

    /// <summary>True when the text cannot be a real secret wherever it goes.</summary>
    public static bool IsPlaceholder(string value, CredentialVocabulary vocabulary)
    {
        var text = value.Trim();
        if (text.Length == 0 || EmptyWords.Contains(text) || IsWrapped(text) || IsMask(text) || IsVariableReference(text))
        {
            return true;
        }

        // "yourpassword", "YourSasKey": a placeholder run together into one word.
        var words = NameWords.Split(text);
        return words.Any(PlaceholderWords.Contains) || (words.Length > 0 && words[0].Length > 4 && words[0].StartsWith("your", StringComparison.Ordinal))
            || IsPrompt(text, words, vocabulary);
    }

    /// <summary>
    /// True when the text is the name of a setting rather than its value (<c>"wifi_password"</c>, <c>"Mqtt:Token"</c>),
    /// or, for a constant, its own name (<c>const string WIFI_PASSWORD = "WIFI_PASSWORD"</c>): a lookup key for a
    /// secret kept elsewhere. Only used where the name of the target is the evidence; a credential API given
    /// "wifi_password" really receives that password.
    /// </summary>
    public static bool IsSettingName(string value, string? ownName, bool isConstant, CredentialVocabulary vocabulary)
    {
        var text = value.Trim();
        var words = NameWords.Split(text);
        if (isConstant && ownName is not null && words.Length > 0 && words.SequenceEqual(NameWords.Split(ownName)))
        {
            return true;
        }

        var identifierLike = text.All(c => char.IsLetter(c) || c is '_' or '.' or ':' or '/' or '-');
        return identifierLike && words.Length >= 2 && vocabulary.MentionsCredential(text);
    }

    /// <summary>
    /// True when the text holds a non-placeholder value for <c>Password=</c>, <c>Pwd=</c>, <c>SharedAccessKey=</c>,
    /// <c>AccountKey=</c> or <c>SharedAccessSignature=</c> in the <c>key=value;key=value</c> form of connection strings.
    /// </summary>
    public static bool HasConnectionStringSecret(string text, CredentialVocabulary vocabulary)
    {
        if (text.IndexOf('=') < 0)
        {
            return false;
        }

        foreach (var segment in text.Split(';'))
        {
            var equals = segment.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = new string(segment.Substring(0, equals).Where(c => !char.IsWhiteSpace(c)).ToArray());
            if (ConnectionStringSecretKeys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                && !IsPlaceholder(segment.Substring(equals + 1).Trim().Trim('"', '\''), vocabulary))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The credential part of an Authorization header value: what follows its scheme, and the password of user:password.</summary>
    public static string AuthorizationCredential(string value)
    {
        var text = value.Trim();
        var space = text.IndexOf(' ');
        if (space > 0 && text.Substring(0, space).All(char.IsLetter))
        {
            text = text.Substring(space + 1).Trim();
        }

        return UserPasswordPassword(text);
    }

    /// <summary>The password of <c>user:password</c> (what basic authentication encodes); the text itself otherwise.</summary>
    public static string UserPasswordPassword(string value)
    {
        var colon = value.IndexOf(':');
        return colon > 0 && value.IndexOf(' ') < 0 ? value.Substring(colon + 1) : value;
    }

    private static bool IsWrapped(string text) =>
        Wrappers.Any(w => text.Length > w.Open.Length + w.Close.Length
            && text.StartsWith(w.Open, StringComparison.Ordinal) && text.EndsWith(w.Close, StringComparison.Ordinal));

    // Masks and fillers: "****", "xxxx", "XXXX-XXXX", "...".
    private static bool IsMask(string text) => text.All(c => c is '*' or 'x' or 'X' or '.' or '#' or '?' or '-' or '_' or ' ' or '\u2022');

    // "$WIFI_PASSWORD": a shell or build variable, substituted before the code runs.
    private static bool IsVariableReference(string text) =>
        text.Length > 1 && text[0] == '$' && text.Skip(1).All(c => char.IsUpper(c) || char.IsDigit(c) || c == '_');

    // "Enter password:", "Wi-Fi password", "API key?": text shown to a person, asking for the secret or labelling it.
    private static bool IsPrompt(string text, ImmutableArray<string> words, CredentialVocabulary vocabulary)
    {
        if (words.Length > 0 && PromptVerbs.Contains(words[0]) && text.IndexOf(' ') > 0)
        {
            return true;
        }

        var looksLikeText = text.IndexOf(' ') > 0 || text.EndsWith(":", StringComparison.Ordinal) || text.EndsWith("?", StringComparison.Ordinal);
        return looksLikeText && vocabulary.MentionsCredential(text);
    }
}
