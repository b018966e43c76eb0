using Fluid;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// A main template and every partial it includes, found (lab folder first, then built in) and parsed up front: a
/// missing partial, a syntax error or an include that tries to leave the folder is a <see cref="TemplateException"/>
/// naming the file, raised before the audit runs.
/// </summary>
internal sealed class TemplateSet
{
    private readonly Dictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public TemplateSet(FluidParser parser, TemplateFolder folder, IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(folder);
        var pending = new Queue<(string Name, string From)>(roots.Select(r => (r, "ComplianceAuditor")));
        while (pending.Count > 0)
        {
            var (name, from) = pending.Dequeue();
            if (_templates.ContainsKey(name))
            {
                continue;
            }

            var (text, source) = folder.Read(name)
                ?? throw new TemplateException($"{from}: includes '{name}', which is not in {folder.Searched}");
            TemplateShape.Check(text, source);
            if (!parser.TryParse(text, out var template, out var error))
            {
                throw new TemplateException($"{source}: {error}");
            }

            // Includes are collected from the tree as parsed: the bounded statements replacing captures are opaque
            // to Fluid's visitors.
            foreach (var include in IncludeCollector.Collect(template, source))
            {
                pending.Enqueue((TemplateNames.Require(include, source), source));
            }

            _templates.Add(name, TemplateBounds.Apply(template));
            _texts.Add(name, text);
        }
    }

    /// <summary>A parsed template by name (<c>_summary</c> or <c>_summary.liquid</c>), or null.</summary>
    public IFluidTemplate? Find(string name) =>
        TemplateNames.Normalize(name) is { } key && _templates.TryGetValue(key, out var template) ? template : null;

    /// <summary>The text of a template by name, for Fluid's file provider; null when the set lacks it.</summary>
    public string? Text(string name) =>
        TemplateNames.Normalize(name) is { } key && _texts.TryGetValue(key, out var text) ? text : null;

    public IFluidTemplate this[string name] => Find(name) ?? throw new TemplateException($"template '{name}' is missing");
}
