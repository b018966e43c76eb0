using Fluid;
using Fluid.Ast;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// Rewrites a parsed template so that the work Fluid's step limit does not see is bounded too: a range is paid for,
/// number by number, before it exists (Fluid builds <c>(1..1000000000)</c> in one go before the loop's first step),
/// and a capture writes through a size bound (Fluid captures into memory, where the page's size bound does not reach,
/// so a capture doubling itself in a loop would fill memory in forty steps), and every loop iteration checks the
/// page's <see cref="RenderBudget"/>.
/// </summary>
internal sealed class TemplateBounds : AstRewriter
{
    /// <summary>
    /// Longest range a template may build. The built-in templates use short ones (stars, 1..5); a lab counting up to
    /// a 20,000-failure report fits with room to spare.
    /// </summary>
    public const long MaxRangeLength = 1_000_000;

    /// <summary>
    /// Longest string a capture or a filter may make, in characters (32 MB in memory): room for a lab to capture a
    /// large table, while an <c>escape</c> of the longest string, six times its size for a moment, stays far from
    /// filling memory.
    /// </summary>
    public const int MaxValueLength = 16 * 1024 * 1024;

    public static IFluidTemplate Apply(IFluidTemplate template) => new TemplateBounds().VisitTemplate(template);

    protected override Expression VisitRangeExpression(RangeExpression rangeExpression)
    {
        ArgumentNullException.ThrowIfNull(rangeExpression);
        return new BoundedRangeExpression(Visit(rangeExpression.From), Visit(rangeExpression.To), MaxRangeLength);
    }

    /// <summary>Fluid's rewriter does not look inside <c>x[...]</c>, where a range is allowed too.</summary>
    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        ArgumentNullException.ThrowIfNull(memberExpression);
        var segments = memberExpression.Segments
            .Select(s => s is IndexerSegment indexer ? new IndexerSegment(Visit(indexer.Expression)) : s)
            .ToArray();
        return new MemberExpression(segments);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        ArgumentNullException.ThrowIfNull(captureStatement);
        var body = captureStatement.Statements.Select(Visit).ToArray();
        return new BoundedCaptureStatement(captureStatement.Identifier, body, MaxValueLength);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        var visited = (ForStatement)base.VisitForStatement(forStatement);
        return new ForStatement(
            [LoopCheckpoint.Instance, .. visited.Statements],
            visited.Identifier,
            visited.Source,
            visited.Limit,
            visited.Offset,
            visited.Reversed,
            visited.Else);
    }

    protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
    {
        var visited = (TableRowStatement)base.VisitTableRowStatement(tableRowStatement);
        return new TableRowStatement(
            [LoopCheckpoint.Instance, .. visited.Statements],
            visited.Identifier,
            visited.Source,
            visited.Limit,
            visited.Offset,
            visited.Cols);
    }
}
