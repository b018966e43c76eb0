using System.Globalization;
using ComplianceAuditor.Reporting.Model;
using static ComplianceAuditor.Reporting.Markdown.MarkdownText;

namespace ComplianceAuditor.Reporting.Markdown;

/// <summary>
/// The manufacturer's declaration, the waivers and the baseline, when the audit used them: a reviewer must know which
/// verdicts rest on someone's word, which failures were accepted rather than fixed, and what is new since the baseline.
/// </summary>
internal static class MarkdownDeclaration
{
    private const int ConflictsShare = 3000;

    private const int UnusedShare = 2000;

    public static void Write(AuditReport report, MarkdownOutput output)
    {
        if (report.Declaration is null && report.Waivers is null && report.Baseline is null)
        {
            return;
        }

        output.Line();
        output.Line("### Declaration, waivers and baseline");
        output.Line();
        if (report.Declaration is { } d)
        {
            var product = string.Join(" ", new[] { d.Manufacturer, d.Model, d.FirmwareVersion is null ? null : "firmware " + d.FirmwareVersion }
                .Where(p => !string.IsNullOrEmpty(p)));
            output.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"- **Declaration:** {Cell(d.Source, 120)} (sha256 {Cell(d.Sha256, 64)}){(product.Length > 0 ? " for " + Cell(product, 160) : "")}{(d.DeclaredBy is null ? "" : ", declared by " + Cell(d.DeclaredBy, 80))}{(d.Date is null ? "" : " on " + Cell(d.Date, 20))}. It answers {d.Answers} provision question(s); the evidence contradicts {d.Conflicts.Count} declared fact(s)."));
            output.Rows(
                [],
                d.Conflicts,
                c => $"  - Conflict: {Cell(c.Fact, 60)} declared {Cell(c.Declared, 60)}: {Cell(c.Description, 300)}",
                "conflicts",
                reserve: output.ReserveBeyond(ConflictsShare));
        }

        if (report.Waivers is { } w)
        {
            output.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"- **Waivers:** {Cell(w.Source, 120)} (sha256 {Cell(w.Sha256, 64)}), {w.Waivers} waiver(s): {w.Applied} failure(s) waived, {w.Expired} failure(s) under an expired waiver (they count again), {w.Unused.Count} waiver(s) unused."));
            output.Rows(
                [],
                w.Unused,
                u => $"  - Unused: {Cell(u, 200)}",
                "unused waivers",
                reserve: output.ReserveBeyond(UnusedShare));
        }

        if (report.Baseline is { } b)
        {
            output.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"- **Baseline:** {Cell(b.Source, 120)} (sha256 {Cell(b.Sha256, 64)}): {b.New} new failure(s), {b.Unchanged} unchanged, {b.Absent} gone since{(b.Skipped > 0 ? $", {b.Skipped} not checked again (their rules did not run)" : "")}."));
        }
    }
}
