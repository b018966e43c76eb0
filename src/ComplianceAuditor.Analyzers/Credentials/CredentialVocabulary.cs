using System.Collections.Concurrent;
using ComplianceAuditor.Analyzers.Infrastructure;

namespace ComplianceAuditor.Analyzers.Credentials;

/// <summary>
/// Decides whether a name (of a property, field, parameter, variable, method, header or dictionary key) says it holds
/// a credential. The name's head noun decides: <c>WifiPassword</c>, <c>api_key</c> and <c>MqttToken</c> hold one,
/// <c>PasswordLength</c>, <c>PasswordPrompt</c>, <c>IsPasswordSet</c> and <c>TokenizerOptions</c> do not, because
/// their last word is something else. A few trailing words that still denote the value itself (<c>PasswordValue</c>,
/// <c>TokenString</c>, <c>DefaultPasswordHex</c>) and digits (<c>password2</c>) are looked through.
/// </summary>
internal sealed class CredentialVocabulary
{
    private static readonly ImmutableArray<Term> DefaultTerms = ImmutableArray.Create<Term>(
    [
        new("shared access key", "shared access key"),
        new("api key", "API key"),
        new("access key", "access key"),
        new("private key", "private key"),
        new("secret key", "secret key"),
        new("shared key", "shared key"),
        new("sas key", "shared access key"),
        new("wpa key", "Wi-Fi key"),
        new("wep key", "Wi-Fi key"),
        new("wifi key", "Wi-Fi key"),
        new("wlan key", "Wi-Fi key"),
        new("auth key", "authentication key"),
        new("encryption key", "encryption key"),
        new("signing key", "signing key"),
        new("hmac key", "HMAC key"),
        new("aes key", "AES key"),
        new("master key", "master key"),
        new("app key", "LoRaWAN key"),
        new("nwk key", "LoRaWAN key"),
        new("app s key", "LoRaWAN key"),
        new("nwk s key", "LoRaWAN key"),
        new("password", "password"),
        new("passwd", "password"),
        new("pwd", "password"),
        new("passphrase", "passphrase"),
        new("psk", "pre-shared key"),
        new("secret", "secret"),
        new("token", "token"),
        new("credential", "credential"),
        new("credentials", "credential"),
    ]);

    // Words after the head noun that still name the value: "PasswordValue" is the password, "PasswordLength" is not.
    private static readonly ImmutableHashSet<string> ValueSuffixes = ImmutableHashSet.Create(StringComparer.Ordinal,
    [
        "value", "text", "str", "string", "plain", "plaintext", "raw", "default", "fallback", "hex", "base64", "b64",
        "encoded", "literal",
    ]);

    private static readonly ImmutableHashSet<string> DescribingWords = ImmutableHashSet.Create(StringComparer.Ordinal,
    [
        "for", "of", "to", "with", "from", "without", "no", "non", "not", "is", "has", "missing", "invalid", "wrong", "coded", "hardcoded",
    ]);

    private readonly Term[] terms;

    // Names repeat (every call of a method has the same parameter names); one instance lives for one compilation.
    private readonly ConcurrentDictionary<string, string> matches = new(StringComparer.Ordinal);

    private readonly Func<string, string> matchWords;

    private CredentialVocabulary(Term[] terms)
    {
        this.terms = terms;
        matchWords = n => MatchWords(n) ?? "";
    }

    /// <summary>The built-in words plus those of the <c>credential_names</c> option (each may be snake_case: pass_code).</summary>
    public static CredentialVocabulary Create(IEnumerable<string> extraWords)
    {
        var extra = extraWords
            .Select(w => NameWords.Split(w))
            .Where(w => w.Length > 0)
            .Select(w => new Term(string.Join(" ", w), string.Join(" ", w)))
            .ToArray();
        return new CredentialVocabulary([.. extra, .. DefaultTerms]);
    }

    /// <summary>What a name says it holds ("password", "API key"); null when it does not name a credential.</summary>
    public string? Match(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var match = matches.GetOrAdd(name!, matchWords);
        return match.Length == 0 ? null : match;
    }

    private string? MatchWords(string name)
    {
        var words = NameWords.Split(name);
        var end = NameWords.HeadEnd(words, ValueSuffixes);

        if (end == 0)
        {
            return null;
        }

        foreach (var term in terms)
        {
            if (term.EndsAt(words, end))
            {
                // "InsecureRandomForSecret", "HardCodedCredential", "NoPassword": a name about a credential, not one.
                var before = end - term.Words.Length - 1;
                return before >= 0 && DescribingWords.Contains(words[before]) ? null : term.Display;
            }
        }

        // Names written in one lower-case run ("wifipassword", "myapikey") have no humps to split at.
        var last = words[end - 1];
        foreach (var term in terms)
        {
            if (term.Joined.Length >= 5 && (last.Length > term.Joined.Length || term.Words.Length > 1)
                && last.EndsWith(term.Joined, StringComparison.Ordinal))
            {
                return term.Display;
            }
        }

        return null;
    }

    /// <summary>Whether any word of <paramref name="text"/> is (or ends a run of words that is) a credential word.</summary>
    public bool MentionsCredential(string text)
    {
        var words = NameWords.Split(text);
        for (var end = 1; end <= words.Length; end++)
        {
            if (terms.Any(t => t.EndsAt(words, end)))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Term
    {
        public Term(string words, string display)
        {
            Words = words.Split(' ');
            Joined = string.Concat(Words);
            Display = display;
        }

        public string[] Words { get; }

        public string Joined { get; }

        public string Display { get; }

        public bool EndsAt(ImmutableArray<string> words, int end)
        {
            if (end - Words.Length < 0)
            {
                return false;
            }

            for (var i = 0; i < Words.Length; i++)
            {
                if (!string.Equals(words[end - Words.Length + i], Words[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
