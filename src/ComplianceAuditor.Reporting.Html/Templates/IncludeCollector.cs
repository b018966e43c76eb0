using Fluid;
using Fluid.Ast;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// Finds the names a template includes (<c>{% include %}</c> and <c>{% render %}</c>), at any depth of its blocks, so
/// every partial can be found and parsed before the audit starts rather than failing once the work is done.
/// </summary>
internal sealed class IncludeCollector : AstVisitor
{
    private readonly List<string> _names = [];
    private readonly string _source;

    private IncludeCollector(string source) => _source = source;

    /// <summary>The included names in the order written; an include whose name is computed is refused.</summary>
    public static IReadOnlyList<string> Collect(IFluidTemplate template, string source)
    {
        var collector = new IncludeCollector(source);
        collector.VisitTemplate(template);
        return collector._names;
    }

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
    {
        // A name computed at render time could not be checked now; the templates have no need for one.
        if (includeStatement.Path is not LiteralExpression { Value: var value } || value.Type != Fluid.Values.FluidValues.String)
        {
            throw new TemplateException($"{_source}: an include must name its file in quotes ('_summary.liquid'), not compute it");
        }

        _names.Add(value.ToStringValue());
        return base.VisitIncludeStatement(includeStatement);
    }

    protected override Statement VisitRenderStatement(RenderStatement renderStatement)
    {
        _names.Add(renderStatement.Path);
        return base.VisitRenderStatement(renderStatement);
    }
}
