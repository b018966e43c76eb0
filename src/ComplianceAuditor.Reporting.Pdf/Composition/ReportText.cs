using System.Globalization;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// Turns report values into printed text. Everything from the report passes through <see cref="DisplayText.Sanitize(string, int)"/>:
/// paths, messages and excerpts come from the firmware and may hold control characters or bidi overrides.
/// </summary>
internal static class ReportText
{
    /// <summary>A reason explains a verdict: it gets room, and is cut between words so the last one is not misread.</summary>
    private const int MaxReason = 600;

    public static string Safe(string? value, int maxLength = 200) =>
        value is null ? string.Empty : DisplayText.Sanitize(value, maxLength);

    /// <summary>
    /// A scheme's short title, marked when the scheme is a rating model of ours rather than an official scheme; a title
    /// that already says so ("AU star model (ours)") is not marked twice.
    /// </summary>
    public static string SchemeName(SchemeEntry scheme)
    {
        var name = Safe(scheme.ShortTitle);
        return scheme.Kind == "model" && !name.Contains("(ours)", StringComparison.OrdinalIgnoreCase) ? name + " (our model)" : name;
    }

    /// <summary>Multi-line prose (rule rationale, excerpts): each line sanitised, line breaks kept.</summary>
    public static string Lines(string? value, int maxLength = 2000) =>
        value is null ? string.Empty : DisplayText.Sanitize(value.Replace("\r\n", "\n", StringComparison.Ordinal), maxLength, keepNewlines: true);

    /// <summary>
    /// Prose from a rule file (rationale, remediation): YAML block text is hard-wrapped at the source's width, so single
    /// line breaks become spaces and only blank lines start a new paragraph.
    /// </summary>
    public static string Prose(string? value, int maxLength = 2000)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var paragraphs = value.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Replace('\n', ' '));
        return Lines(string.Join("\n", paragraphs), maxLength);
    }

    /// <summary>The first one or two sentences of prose, for the executive summary's plain-language list.</summary>
    public static string FirstSentences(string? value, int sentences = 2, int maxLength = 320)
    {
        var text = Safe(value?.Replace('\n', ' '), 2000).Trim();
        var end = 0;
        for (var n = 0; n < sentences; n++)
        {
            var next = text.IndexOf(". ", end, StringComparison.Ordinal);
            if (next < 0)
            {
                return Safe(text, maxLength);
            }

            end = next + 1;
        }

        return Safe(text[..end], maxLength);
    }

    public static string Bytes(long size) => size switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{size / 1024.0 / 1024.0:0.0} MiB ({Count(size)} bytes)"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{size / 1024.0:0.0} KiB ({Count(size)} bytes)"),
        _ => $"{Count(size)} bytes",
    };

    /// <summary><c>notAssessed</c> becomes <c>NOT ASSESSED</c>.</summary>
    public static string Word(string camel) => Safe(Names.Display(camel));

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";

    /// <summary>Message, then the reason when it adds something (the waiver is shown apart, in the finding's block).</summary>
    public static string MessageAndReason(ResultEntry result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var message = Safe(result.Message);
        return string.IsNullOrWhiteSpace(result.Reason) || result.Reason == result.Message
            ? message
            : $"{message} — {AtWord(Safe(result.Reason, int.MaxValue), MaxReason)}";
    }

    /// <summary>The text, or its start up to the last space before <paramref name="max"/> characters, with "…".</summary>
    public static string AtWord(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', max);
        var cut = space > max / 2 ? space : max;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
