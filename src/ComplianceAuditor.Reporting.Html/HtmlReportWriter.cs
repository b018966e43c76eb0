using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Reporting.Charts;
using ComplianceAuditor.Reporting.Html.Templates;
using ComplianceAuditor.Reporting.Html.Views;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Theme;
using Fluid;
using Fluid.Values;

namespace ComplianceAuditor.Reporting.Html;

/// <summary>
/// Writes <c>report.html</c>: one self-contained file (inline CSS, script and SVG, no external requests) rendered from
/// <c>report.html.liquid</c> and its partials. A lab's <c>--template-dir</c> overrides any of them by file name.
/// Every value is HTML-encoded on output and every string is first stripped of control characters and bidirectional
/// overrides, because most of them come from the firmware under audit.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    public const string TemplateName = "report.html.liquid";

    /// <summary>The partial holding the page's script; rendered first, so the page can carry its hash.</summary>
    public const string ScriptTemplateName = "_script.liquid";

    /// <summary>
    /// Most Liquid statements one page may execute. Measured with the built-in templates on the vulnerable-rootfs
    /// sample grown to N failures: 30,000 steps for the sample, 255,000 for 2,000 failures, 2.3 million for 20,000
    /// (about 116 a failure). This is about 50 times the 2,000-failure figure: room for a 20,000-failure report and a
    /// lab's richer templates, while a loop without end stops within seconds.
    /// </summary>
    public const int MaxSteps = 12_000_000;

    /// <summary>Deepest include nesting; the built-in templates need 2.</summary>
    public const int MaxRecursion = 20;

    /// <summary>Largest page written (UTF-8 bytes); a template that prints more is stopped with a <see cref="TemplateException"/>.</summary>
    public const long MaxOutputBytes = 256L * 1024 * 1024;

    /// <summary>Largest script the page may carry (UTF-8 bytes); ours is about 5 KB.</summary>
    public const long MaxScriptBytes = 1024 * 1024;

    /// <summary>
    /// Longest a page may take to render. The built-in templates render a 20,000-failure report in about 1.3 seconds
    /// on a 2-core machine; this leaves a lab's richer templates ample room while a template stuck in slow work is
    /// stopped rather than holding a CI job for hours.
    /// </summary>
    public static readonly TimeSpan MaxRenderTime = TimeSpan.FromMinutes(2);

    /// <summary>Most characters (or list items) the filters and captures of one page may make in all (about 1 GB).</summary>
    public const long MaxCharactersMade = 512L * 1024 * 1024;

    private static readonly FluidParser Parser = new();

    /// <summary>
    /// Encodes what HTML needs encoded (and '+', which the encoder treats as risky) but leaves other scripts' letters
    /// readable; control and bidirectional characters never get here, the sanitiser has made them visible escapes.
    /// </summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly TemplateSet _templates;
    private readonly TemplateOptions _options;
    private readonly ThemeView? _theme;

    /// <summary>Uses the built-in templates.</summary>
    public HtmlReportWriter()
        : this(templateDirectory: null)
    {
    }

    /// <summary>
    /// Uses the templates in <paramref name="templateDirectory"/> where it has them and the built-in ones otherwise.
    /// Every template reachable from the main one is read and parsed here, so a problem is a
    /// <see cref="TemplateException"/> before any audit work.
    /// </summary>
    /// <param name="theme">A lab's name, logo and colours; null or <see cref="ReportTheme.Default"/> for none.</param>
    public HtmlReportWriter(string? templateDirectory, ReportTheme? theme = null)
    {
        _theme = theme is null || ReferenceEquals(theme, ReportTheme.Default) ? null : new ThemeView(theme);
        _templates = new TemplateSet(Parser, new TemplateFolder(templateDirectory), [TemplateName, ScriptTemplateName]);
        var provider = new TemplateSetProvider(_templates);
        _options = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.CamelCase },
            FileProvider = provider,
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            // A template folder may come from someone else: a loop without end or an include chain is stopped (and
            // ranges, captures and filters are bounded by TemplateBounds and BoundedFilters).
            MaxSteps = MaxSteps,
            MaxRecursion = MaxRecursion,
            // Fluid parses an included partial again from its text; it gets the same bounds as the set's own.
            TemplateParsed = static (_, template) => TemplateBounds.Apply(template),
        };
        // Our own markup passes unchanged and is the only value "| raw" prints unencoded; every other string is
        // sanitised. Line breaks survive (rule prose, excerpts); every other control character becomes visible.
        _options.ValueConverters.Add(v => v is TrustedMarkup m ? new MarkupValue(m.Markup) : null);
        _options.ValueConverters.Add(v => v is string s ? new StringValue(DisplayText.Sanitize(s, maxLength: 4000, keepNewlines: true)) : null);
        // Byte offsets in hex, as hexdump and binwalk print them, so a reader can find the spot: {{ 8000 | hex }} is 0x1f40.
        _options.Filters.AddFilter("hex", static (input, _, _) => new ValueTask<FluidValue>(
            new StringValue("0x" + ((long)input.ToNumberValue()).ToString("x", CultureInfo.InvariantCulture))));
        RawFilter.Register(_options.Filters);
        // Last, so that every filter, ours included, is bounded.
        BoundedFilters.Apply(_options.Filters);
    }

    public string Format => "html";

    public string FileName => "report.html";

    /// <summary>The page size bound; tests lower it to reach it cheaply.</summary>
    internal long OutputLimit { get; init; } = MaxOutputBytes;

    /// <summary>The render time bound; tests lower it to reach it quickly.</summary>
    internal TimeSpan RenderTimeLimit { get; init; } = MaxRenderTime;

    /// <summary>The bound on characters made in all; tests lower it to reach it cheaply.</summary>
    internal long CharacterLimit { get; init; } = MaxCharactersMade;

    public async Task WriteAsync(AuditReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        // Rendered straight into the file, so a large report never sits in memory as one string and then its bytes.
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await RenderToAsync(report, writer).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<string> RenderAsync(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await RenderToAsync(report, writer).ConfigureAwait(false);
        return writer.ToString();
    }

    private async Task RenderToAsync(AuditReport report, TextWriter output)
    {
        var budget = new RenderBudget(RenderTimeLimit, CharacterLimit);
        // The script sees no report: firmware text inside a script would be code, and HTML encoding does not stop it.
        var scriptContext = new TemplateContext(_options);
        budget.AttachTo(scriptContext);
        using var script = new StringWriter(CultureInfo.InvariantCulture);
        await RenderPartAsync(ScriptTemplateName, scriptContext, script, MaxScriptBytes, "the script").ConfigureAwait(false);
        var scriptText = script.ToString();
        ScriptPolicy.Check(scriptText, ScriptTemplateName);

        var view = new HtmlView(report, ChartViews.For(report, _theme?.ChartStyle ?? ChartStyle.Default), _theme)
        {
            Script = new TrustedMarkup(scriptText),
            ScriptHash = new TrustedMarkup(ScriptPolicy.Hash(scriptText)),
        };
        var context = new TemplateContext(view, _options)
        {
            // A template's "now" is the report's time, so a lab's template stays as reproducible as ours.
            Now = () => report.GeneratedAt,
        };
        budget.AttachTo(context);
        await RenderPartAsync(TemplateName, context, output, OutputLimit, "the page").ConfigureAwait(false);
    }

    private async Task RenderPartAsync(string name, TemplateContext context, TextWriter output, long limit, string what)
    {
        try
        {
            // Not disposed: the limit writer owns nothing, the caller flushes and closes the real one.
            var limited = new OutputLimitWriter(output, limit, what);
            await _templates[name].RenderAsync(limited, Encoder, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (TemplateException or OutOfMemoryException or OperationCanceledException))
        {
            // Whatever a lab's template makes Fluid throw (a bad tablerow argument, a number too large for a loop
            // limit, our own bounds) is reported against the template, never as a crash of the audit.
            throw new TemplateException($"{name}: {e.Message}", e);
        }
    }
}
