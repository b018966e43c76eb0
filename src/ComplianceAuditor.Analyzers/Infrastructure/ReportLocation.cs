using Microsoft.CodeAnalysis;

namespace ComplianceAuditor.Analyzers.Infrastructure;

/// <summary>
/// Where a finding can be reported. The literal behind a constant may sit in another project's source (a referenced
/// project's constant): Roslyn refuses a diagnostic outside the compilation being analysed, so such a finding goes on
/// the use instead.
/// </summary>
public static class ReportLocation
{
    public static Location Within(Compilation compilation, Location preferred, Location fallback) =>
        preferred.SourceTree is { } tree && compilation.ContainsSyntaxTree(tree) ? preferred : fallback;
}
