using System.Security.Cryptography;
using System.Text;

namespace ComplianceAuditor.Core.Secrets;

/// <summary>
/// How a secret (a password, a key, a token) appears in evidence. By default it is redacted: a short prefix, so a
/// reader can tell a value from its neighbours, and a hash that names it without revealing it, so the same secret is
/// recognisable across files, targets and reports. Redaction happens where the evidence is made, so no output
/// format, cache or spilled record ever holds the secret unless the user asked for it.
/// The hash is cut to 48 bits and not keyed, so that the same secret has the same name in every report. That has a
/// price: anyone holding a report can test guesses against it, and a short password from a dictionary is confirmed
/// that way. Treat redacted reports as internal; a report shared outside should leave out what it does not need.
/// </summary>
public static class SecretText
{
    /// <summary>Marks a redacted value; also what a reader searches for to find them.</summary>
    public const string Marker = "redacted";

    /// <summary>An identifier of the secret that does not change with redaction: use it in evidence keys.</summary>
    public static string Identify(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Identify(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>An identifier of a binary secret (key bytes).</summary>
    public static string Identify(ReadOnlySpan<byte> secret) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(secret).AsSpan(0, 6));

    /// <summary>The secret as it may be shown: itself when <paramref name="show"/>, else redacted.</summary>
    public static string Present(string secret, bool show) => show ? secret : Redact(secret);

    /// <summary>
    /// At most a quarter of the secret, and never more than four characters, stays visible: enough to tell
    /// <c>AKIA…</c> from <c>ghp_…</c>, too little to help guess a short password.
    /// </summary>
    public static string Redact(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var visible = Math.Min(4, secret.Length / 4);
        if (visible > 0 && char.IsHighSurrogate(secret[visible - 1]))
        {
            visible--;
        }

        return $"{secret[..visible]}…[{Marker} {Identify(secret)}]";
    }

    /// <summary>Shannon entropy in bits per character: how varied a value is, to tell a key from a filler or a word.</summary>
    public static double Entropy(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var entropy = 0.0;
        foreach (var n in counts.Values)
        {
            var p = (double)n / value.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }
}
