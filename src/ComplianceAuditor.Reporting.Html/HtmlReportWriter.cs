using System.Text;
using System.Text.Encodings.Web;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Reporting.Model;
using Fluid;
using Fluid.Values;

namespace ComplianceAuditor.Reporting.Html;

/// <summary>
/// Writes <c>report.html</c>: one self-contained file (inline CSS, no external requests) rendered from
/// <c>report.html.liquid</c>. Every value is HTML-encoded on output and every string is first stripped of control
/// characters and bidirectional overrides, because most of them come from the firmware under audit.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    public const string TemplateName = "report.html.liquid";

    private static readonly FluidParser Parser = new();
    private readonly IFluidTemplate _template;

    /// <summary>Uses the built-in template.</summary>
    public HtmlReportWriter()
        : this(ReadBuiltIn(TemplateName), "built-in " + TemplateName)
    {
    }

    /// <summary>Uses a template text (for example from a lab's <c>--template-dir</c>).</summary>
    public HtmlReportWriter(string templateText, string templateDescription)
    {
        if (!Parser.TryParse(templateText, out var template, out var error))
        {
            throw new TemplateException($"{templateDescription}: {error}");
        }

        _template = template;
    }

    public string Format => "html";

    public string FileName => "report.html";

    public async Task WriteAsync(AuditReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var html = await RenderAsync(report).ConfigureAwait(false);
        await output.WriteAsync(Encoding.UTF8.GetBytes(html), cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> RenderAsync(AuditReport report)
    {
        var options = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.CamelCase },
        };
        // Line breaks survive (rule prose is multi-line, shown with white-space: pre-line); every other control character is escaped.
        options.ValueConverters.Add(v => v is string s ? new StringValue(DisplayText.Sanitize(s, maxLength: 4000, keepNewlines: true)) : null);
        var context = new TemplateContext(new HtmlView(report), options);
        return await _template.RenderAsync(context, HtmlEncoder.Default).ConfigureAwait(false);
    }

    private static string ReadBuiltIn(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream("templates/" + name)
            ?? throw new TemplateException($"built-in template '{name}' is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
