using System.Globalization;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Composition;
using ComplianceAuditor.Reporting.Pdf.Fonts;
using ComplianceAuditor.Reporting.Pdf.Layout;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>
/// The cover's inputs: names printed whole (inputs that differ only in their version must not look alike), each
/// input's name and hash on the same page, and a cover that runs on is numbered like every other page.
/// </summary>
public sealed class CoverInputsTests : IDisposable
{
    private readonly PdfFonts fonts = PdfFontResolver.Resolve(new PdfOptions());
    private readonly ReportStyles styles;

    public CoverInputsTests() => styles = new ReportStyles(fonts);

    [Fact]
    public void Inputs_that_differ_only_in_their_version_are_both_printed_in_full()
    {
        using var folder = new TempDirectory();
        var report = WithInputs(["examplecam-ec100-firmware-release-v1.4.2.bin", "examplecam-ec100-firmware-release-v1.4.3.bin"]);

        var pdf = folder.Write("report.pdf", RenderedSample.Render(new PdfOptions(), report));
        var cover = string.Concat(Poppler.Run("pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", pdf, "-").Where(c => !char.IsWhiteSpace(c)));

        Assert.Contains("examplecam-ec100-firmware-release-v1.4.2.bin", cover, StringComparison.Ordinal);
        Assert.Contains("examplecam-ec100-firmware-release-v1.4.3.bin", cover, StringComparison.Ordinal);
    }

    [Fact]
    public void No_input_has_its_name_and_its_hash_on_different_pages()
    {
        var names = Enumerable.Range(1, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"input{i:D2}-examplecam-ec100-firmware-release.bin")).ToArray();
        var report = WithInputs(names);

        var composed = ReportComposer.Compose(report, styles, PageSetup.A4, NoCharts.Instance);

        Assert.True(composed.CoverPages > 1, "the test needs a cover of more than one page");
        for (var i = 0; i < names.Length; i++)
        {
            var name = Page(composed, t => t.Style == styles.Label && t.Text.StartsWith(names[i][..7], StringComparison.Ordinal));
            var hash = Page(composed, t => t.Text == Hash(i));
            Assert.Equal(name, hash);
        }
    }

    [Fact]
    public void Cover_pages_after_the_first_have_the_running_frame()
    {
        using var folder = new TempDirectory();
        var report = WithInputs(Enumerable.Range(1, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"input-{i:D2}.bin")).ToArray());

        var pdf = folder.Write("report.pdf", RenderedSample.Render(new PdfOptions(), report));
        var count = Poppler.PageCount(pdf);

        Assert.DoesNotContain("Page 1 of", Poppler.PageText(pdf, 1), StringComparison.Ordinal);
        Assert.Contains("input-40.bin", Poppler.PageText(pdf, 2), StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Page 2 of {count}"), Poppler.PageText(pdf, 2), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        styles.Dispose();
        fonts.Dispose();
    }

    private static string Hash(int i) => string.Create(CultureInfo.InvariantCulture, $"{i:D2}{new string('e', 62)}");

    private static AuditReport WithInputs(IReadOnlyList<string> names) => SampleReport.Build() with
    {
        Inputs = names.Select((n, i) => new InputEntry { Name = n, Kind = "firmware", Sha256 = Hash(i), Size = 1_000_000 + i, ArtifactCount = 1 }).ToArray(),
    };

    private static int Page(ComposedReport composed, Func<TextOp, bool> match)
    {
        for (var p = 0; p < composed.CoverPages; p++)
        {
            if (composed.Pages[p].OfType<TextOp>().Any(match))
            {
                return p;
            }
        }

        throw new Xunit.Sdk.XunitException("not on the cover");
    }
}
