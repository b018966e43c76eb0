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
    public static string Safe(string? value, int maxLength = 200) =>
        value is null ? string.Empty : DisplayText.Sanitize(value, maxLength);

    /// <summary><c>notAssessed</c> becomes <c>NOT ASSESSED</c>.</summary>
    public static string Word(string camel) => Safe(Names.Display(camel));

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";

    /// <summary>Message, then the reason when it adds something.</summary>
    public static string MessageAndReason(ResultEntry result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var message = Safe(result.Message);
        var text = string.IsNullOrWhiteSpace(result.Reason) || result.Reason == result.Message
            ? message
            : $"{message} — {Safe(result.Reason)}";
        // A waived failure stays in the list, marked; one under an expired waiver says so too.
        return result.Waiver is not { } w ? text
            : $"{(w.Applied ? "WAIVED" : "WAIVER EXPIRED")} until {Safe(w.Expires)} by {Safe(w.Approver)}: {Safe(w.Justification, 300)}. {text}";
    }

    /// <summary>The first evidence item as <c>line 12: excerpt</c> or <c>offset 0x1F40: excerpt</c>.</summary>
    public static string FirstEvidence(ResultEntry result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Evidence.Count == 0)
        {
            return string.Empty;
        }

        var e = result.Evidence[0];
        var where = e.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line}")
            : e.ByteOffset is { } offset ? string.Create(CultureInfo.InvariantCulture, $"offset 0x{offset:X}")
            : null;
        var what = Safe(e.Excerpt ?? e.Description ?? e.Symbol ?? e.Path ?? e.Kind, 160);
        return where is null ? what : what.Length == 0 ? where : $"{where}: {what}";
    }
}
