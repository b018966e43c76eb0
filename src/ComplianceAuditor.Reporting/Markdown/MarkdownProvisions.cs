using System.Globalization;
using ComplianceAuditor.Reporting.Model;
using static ComplianceAuditor.Reporting.Markdown.MarkdownText;

namespace ComplianceAuditor.Reporting.Markdown;

/// <summary>
/// The provisions that fail, one collapsed <c>&lt;details&gt;</c> block per scheme: fourteen schemes' worth of tables
/// would bury the findings in a pull request, and a reviewer opens the scheme they care about.
/// </summary>
internal static class MarkdownProvisions
{
    private const string What = "failing provisions";

    private static readonly string[] Header = ["| Provision | Title | Reason |", "|---|---|---|"];

    /// <summary>The blank line a table needs before <c>&lt;/details&gt;</c>, and the tag.</summary>
    private const int CloseLength = 1 + 11;

    /// <summary>The least room this section needs: its heading and the "… N more" line.</summary>
    public static int MinimumLength(IReadOnlyList<SchemeEntry> schemes) => 200 + MarkdownOutput.More(Count(schemes), What).Length;

    public static void Write(IReadOnlyList<SchemeEntry> schemes, MarkdownOutput output)
    {
        var failing = schemes.Select(s => (Scheme: s, Provisions: s.Provisions.Where(IsFailing).ToArray()))
            .Where(x => x.Provisions.Length > 0)
            .ToArray();
        var remaining = failing.Sum(x => x.Provisions.Length);
        output.Line();
        output.Line(string.Create(CultureInfo.InvariantCulture, $"### Failing provisions: {remaining} in {failing.Length} scheme(s)"));
        output.Line();
        if (remaining == 0)
        {
            output.Line("No provision fails.");
            return;
        }

        var moreLength = 1 + MarkdownOutput.More(remaining, What).Length + 1;
        var headerLength = Header.Sum(h => h.Length + 1);
        var afterDetails = false;
        foreach (var (scheme, provisions) in failing)
        {
            // The summary line is raw HTML to GitHub, where Markdown escapes would show: entities only.
            var open = $"<details><summary>{Html(scheme.ShortTitle, 80)}: {provisions.Length} failing provision(s)</summary>";
            var opened = false;
            foreach (var provision in provisions)
            {
                var row = Row(provision);
                var needed = row.Length + 1 + (opened ? 0 : 1 + open.Length + 2 + headerLength) + CloseLength + (remaining == 1 ? 0 : moreLength);
                if (needed > output.Free)
                {
                    if (opened)
                    {
                        Close(output);
                    }

                    Separate(output, opened || afterDetails);
                    output.Line(MarkdownOutput.More(remaining, What));
                    return;
                }

                if (!opened)
                {
                    Separate(output, afterDetails);
                    output.Line(open);
                    output.Line();
                    foreach (var h in Header)
                    {
                        output.Line(h);
                    }

                    opened = true;
                }

                output.Line(row);
                remaining--;
            }

            Close(output);
            afterDetails = true;
        }
    }

    /// <summary>A blank line after <c>&lt;/details&gt;</c>: without it the next line would still belong to that HTML block.</summary>
    private static void Separate(MarkdownOutput output, bool afterDetails)
    {
        if (afterDetails)
        {
            output.Line();
        }
    }

    private static bool IsFailing(ProvisionEntry p) => p.Verdict == "fail";

    private static int Count(IReadOnlyList<SchemeEntry> schemes) => schemes.Sum(s => s.Provisions.Count(IsFailing));

    private static string Row(ProvisionEntry p) =>
        $"| {Cell(p.Id, 40)} | {Cell(p.Title, 160)} | {Cell(p.Reasons.Count > 0 ? p.Reasons[0] : "", 300)} |";

    private static void Close(MarkdownOutput output)
    {
        output.Line();
        output.Line("</details>");
    }
}
