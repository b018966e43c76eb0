using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ComplianceAuditor.Analyzers.CodeFixes.Randomness;

/// <summary>
/// Adds a using directive where the file keeps its usings (at the top, or inside its only namespace), in System-first
/// alphabetical order, with the file's own line endings. Written out rather than left to the formatter so that the
/// rest of the file is not touched.
/// </summary>
internal static class UsingDirectives
{
    public static CompilationUnitSyntax Add(CompilationUnitSyntax unit, string name)
    {
        var newLine = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString();
        if (newLine.Length == 0)
        {
            newLine = "\n";
        }

        var directive = UsingDirective(ParseName(name).WithLeadingTrivia(Space)).WithTrailingTrivia(EndOfLine(newLine));
        if (unit.Usings.Count == 0 && unit.Members.Count == 1 && unit.Members[0] is BaseNamespaceDeclarationSyntax { Usings.Count: > 0 } ns)
        {
            var indented = directive.WithLeadingTrivia(ns.Usings[0].GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
            return unit.ReplaceNode(ns, ns.WithUsings(Insert(ns.Usings, indented)));
        }

        if (unit.Usings.Count > 0)
        {
            return unit.WithUsings(Insert(unit.Usings, directive));
        }

        // No usings yet: the new one goes first, after any file header, and a blank line separates it from the code.
        var first = unit.GetFirstToken();
        var header = first.LeadingTrivia;
        var updated = unit.ReplaceToken(first, first.WithLeadingTrivia());
        return updated.WithUsings(List([directive.WithLeadingTrivia(header).WithTrailingTrivia(EndOfLine(newLine), EndOfLine(newLine))]));
    }

    private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, UsingDirectiveSyntax directive)
    {
        var name = directive.Name!.ToString();
        var index = 0;
        while (index < usings.Count && IsBefore(usings[index], name))
        {
            index++;
        }

        if (index == 0)
        {
            // Take over the first using's leading trivia (a file header), so that it stays at the top.
            var first = usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            usings = usings.Replace(first, first.WithLeadingTrivia(directive.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia))));
        }

        return usings.Insert(index, directive);
    }

    private static bool IsBefore(UsingDirectiveSyntax existing, string name)
    {
        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.Name is null)
        {
            return false;
        }

        if (!existing.GlobalKeyword.IsKind(SyntaxKind.None))
        {
            return true;
        }

        var other = existing.Name.ToString();
        return IsSystem(other) != IsSystem(name) ? IsSystem(other) : StringComparer.OrdinalIgnoreCase.Compare(other, name) < 0;
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
}
