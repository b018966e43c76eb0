using Microsoft.CodeAnalysis;

namespace ComplianceAuditor.Checks.CSharp.Analysis;

/// <summary>
/// How deeply a file nests its code. The compiler binds nested expressions recursively, and a file made to nest
/// thousands of levels (parentheses, lambdas, an endless <c>a + a + …</c>) overflows its stack, which no handler can
/// catch: such a file is left out before it is compiled. Real code stays far below the bound.
/// </summary>
internal static class SyntaxDepth
{
    /// <summary>Deeper than this, a file is not compiled.</summary>
    public const int Max = 400;

    /// <summary>True when some node of the tree lies more than <see cref="Max"/> levels below its root.</summary>
    public static bool TooDeep(SyntaxTree tree, CancellationToken cancellationToken)
    {
        // Iterative on purpose: a recursive walk would overflow on exactly the files it is meant to catch.
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        pending.Push((tree.GetRoot(cancellationToken), 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > Max)
            {
                return true;
            }

            foreach (var child in node.ChildNodes())
            {
                pending.Push((child, depth + 1));
            }
        }

        return false;
    }
}
