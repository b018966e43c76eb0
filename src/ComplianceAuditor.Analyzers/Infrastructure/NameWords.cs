namespace ComplianceAuditor.Analyzers.Infrastructure;

/// <summary>
/// Splits identifiers and setting names into lower-case words the way people write them: camelCase and PascalCase
/// humps, acronyms (<c>MQTTPassword</c> is mqtt + password, <c>APIKey</c> is api + key), snake_case, kebab-case and
/// dotted or colon-separated keys, with runs of digits as words of their own. Rules that judge a name by its words
/// (<c>WifiPassword</c> holds a password, <c>PasswordLength</c> does not) match whole words, so <c>monkey</c> never
/// contains "key".
/// </summary>
public static class NameWords
{
    /// <summary>
    /// Where the head word of a name ends: trailing words that only say how a value is held (<paramref name="valueWords"/>:
    /// <c>PasswordText</c>, <c>KeyBytes</c>) and numbers (<c>Token2</c>) are passed over, the first word always kept.
    /// </summary>
    public static int HeadEnd(ImmutableArray<string> words, ImmutableHashSet<string> valueWords)
    {
        var end = words.Length;
        while (end > 1 && (valueWords.Contains(words[end - 1]) || char.IsDigit(words[end - 1][0])))
        {
            end--;
        }

        return end;
    }

    public static ImmutableArray<string> Split(string? text)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words.ToImmutable();
        }

        var start = -1;
        for (var i = 0; i < text!.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(text, ref start, i, words);
                continue;
            }

            if (start >= 0 && StartsWord(text, i))
            {
                Flush(text, ref start, i, words);
            }

            if (start < 0)
            {
                start = i;
            }
        }

        Flush(text, ref start, text.Length, words);
        return words.ToImmutable();
    }

    private static bool StartsWord(string text, int i)
    {
        char previous = text[i - 1], current = text[i];
        if (char.IsDigit(current) != char.IsDigit(previous))
        {
            return true;
        }

        if (char.IsUpper(current) && char.IsLower(previous))
        {
            return true;
        }

        // The last capital of an acronym begins the next word: "APIKey" is "API" + "Key".
        return char.IsUpper(current) && char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]);
    }

    private static void Flush(string text, ref int start, int end, ImmutableArray<string>.Builder words)
    {
        if (start >= 0 && end > start)
        {
            words.Add(text.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }
}
