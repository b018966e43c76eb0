using System.Diagnostics;
using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>
/// Links and special files in a lab's template folder: a template is read only when its real path, every link along
/// it resolved as the kernel resolves it, lies in the folder's real path and is a regular file.
/// </summary>
public sealed class HtmlTemplateLinkTests
{
    private const string Body = "<section id=\"summary\"><p>linked lab summary</p></section>";

    [Fact]
    public void A_link_through_a_linked_sub_folder_and_dot_dot_that_ends_outside_is_refused()
    {
        // lab/_summary.liquid -> sub/../secret.liquid, with lab/sub -> outside/deep: the kernel goes to
        // outside/secret.liquid; tidying "sub/.." away on paper gives lab/secret.liquid, itself a link outside.
        using var work = new TempDirectory();
        var outside = Path.Combine(work.Path, "outside");
        Directory.CreateDirectory(Path.Combine(outside, "deep"));
        var secret = work.Write("outside/secret.liquid", "SECRET TEMPLATE");
        var lab = Path.Combine(work.Path, "lab");
        Directory.CreateDirectory(lab);
        Directory.CreateSymbolicLink(Path.Combine(lab, "sub"), Path.Combine(outside, "deep"));
        File.CreateSymbolicLink(Path.Combine(lab, "secret.liquid"), secret);
        var link = Path.Combine(lab, "_summary.liquid");
        File.CreateSymbolicLink(link, "sub/../secret.liquid");
        Assert.Equal("SECRET TEMPLATE", File.ReadAllText(link));

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(lab));

        Assert.Equal(link + ": is a link that leads outside the template folder", error.Message);
    }

    [Fact]
    public async Task A_folder_reached_through_a_link_may_link_to_its_own_files_by_their_real_path()
    {
        using var work = new TempDirectory();
        var body = work.Write("real/parts/summary-body.liquid", Body);
        var lab = Path.Combine(work.Path, "lab");
        Directory.CreateSymbolicLink(lab, Path.Combine(work.Path, "real"));
        File.CreateSymbolicLink(Path.Combine(lab, "_summary.liquid"), body);

        var html = await new HtmlReportWriter(lab).RenderAsync(HtmlSecurityTests.PlantedReport());

        Assert.Contains(Body, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_link_to_a_file_in_a_sub_folder_of_the_folder_is_read()
    {
        using var work = new TempDirectory();
        work.Write("lab/parts/summary-body.liquid", Body);
        File.CreateSymbolicLink(Path.Combine(work.Path, "lab", "_summary.liquid"), "parts/summary-body.liquid");

        var html = await new HtmlReportWriter(Path.Combine(work.Path, "lab")).RenderAsync(HtmlSecurityTests.PlantedReport());

        Assert.Contains(Body, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_summary.liquid")]
    [InlineData("_other.liquid")]
    public void A_link_loop_is_a_template_error_naming_the_file(string target)
    {
        using var work = new TempDirectory();
        var link = Path.Combine(work.Path, "_summary.liquid");
        File.CreateSymbolicLink(link, target);
        if (target != "_summary.liquid")
        {
            File.CreateSymbolicLink(Path.Combine(work.Path, target), "_summary.liquid");
        }

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(work.Path));

        Assert.StartsWith(link + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains("links", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_nothing_is_a_template_error_not_a_silent_fall_back()
    {
        using var work = new TempDirectory();
        var link = Path.Combine(work.Path, "_summary.liquid");
        File.CreateSymbolicLink(link, "missing.liquid");

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(work.Path));

        Assert.Equal(link + ": is a link to nothing", error.Message);
    }

    [UnixFact("/usr/bin/mkfifo")]
    public async Task A_fifo_template_is_refused_without_waiting_for_a_writer()
    {
        using var work = new TempDirectory();
        var fifo = Path.Combine(work.Path, "_summary.liquid");
        using (var mkfifo = Process.Start("/usr/bin/mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var construct = Task.Run(() => new HtmlReportWriter(work.Path));
        if (await Task.WhenAny(construct, Task.Delay(TimeSpan.FromSeconds(30))) != construct)
        {
            // Free the reader stuck in open() before failing, so no thread stays blocked.
            await using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
            {
            }

            Assert.Fail("reading the templates waited on the FIFO");
        }

        var error = await Assert.ThrowsAsync<TemplateException>(() => construct);
        Assert.Equal(fifo + ": is not a regular file (a device, pipe or socket cannot be a template)", error.Message);
    }

    [UnixFact("/dev/zero")]
    public void A_link_to_a_device_is_refused()
    {
        using var work = new TempDirectory();
        var link = Path.Combine(work.Path, "_summary.liquid");
        File.CreateSymbolicLink(link, "/dev/zero");

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(work.Path));

        Assert.StartsWith(link + ":", error.Message, StringComparison.Ordinal);
    }
}
