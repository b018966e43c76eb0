using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceAuditor.Analyzers;
using ComplianceAuditor.Core.Secrets;
using ComplianceAuditor.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplianceAuditor.Checks.CSharp.Findings;

/// <summary>
/// Turns an analyzer diagnostic into a <see cref="SourceFinding"/>: position, the source line as evidence (with a
/// flagged credential redacted unless the audit shows secrets), the enclosing member, how it was suppressed, and a
/// key that survives edits elsewhere in the file.
/// </summary>
internal static partial class FindingFactory
{
    private const int ExcerptWindow = 200;

    public static SourceFinding Create(Diagnostic diagnostic, ImmutableDictionary<string, ReportDiagnostic> severities, bool showSecrets)
    {
        var location = diagnostic.Location;
        var tree = location.SourceTree!;
        var span = location.GetLineSpan();
        var line = span.StartLinePosition.Line;
        var text = tree.GetText();
        var lineText = line < text.Lines.Count ? text.Lines[line].ToString() : "";
        var node = tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        var member = MemberOf(node);
        var secret = diagnostic.Id == DiagnosticIds.HardCodedCredential ? SecretValue(tree, location) : null;

        var column = span.StartLinePosition.Character;
        var flagged = location.SourceSpan.Length > 0 && text.Lines[line].End >= location.SourceSpan.End
            ? lineText.Substring(column, location.SourceSpan.Length)
            : node.ToString();
        var excerpt = lineText;
        if (secret is not null && !showSecrets && column + flagged.Length <= lineText.Length)
        {
            excerpt = string.Concat(lineText.AsSpan(0, column), Quote(SecretText.Redact(secret)), lineText.AsSpan(column + flagged.Length));
        }

        var key = string.Concat(member ?? "", "|", secret is null ? Normalise(flagged) : SecretText.Identify(secret));
        return new SourceFinding(
            diagnostic.Id,
            line + 1,
            column + 1,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            DisplayText.Sanitize(Window(excerpt, column).Trim(), ExcerptWindow),
            key,
            member,
            Suppression(diagnostic, severities));
    }

    /// <summary>The value of a flagged string literal (or of the constant a flagged name refers to).</summary>
    private static string? SecretValue(SyntaxTree tree, Location location)
    {
        var token = tree.GetRoot().FindToken(location.SourceSpan.Start);
        if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.Utf8StringLiteralToken))
        {
            return token.ValueText;
        }

        // A flagged interpolated or concatenated constant: the flagged text stands for the value.
        return tree.GetText().ToString(location.SourceSpan);
    }

    private static string? Suppression(Diagnostic diagnostic, ImmutableDictionary<string, ReportDiagnostic> severities)
    {
        if (diagnostic.IsSuppressed)
        {
            return "suppressed in source (#pragma warning disable or [SuppressMessage])";
        }

        return severities.TryGetValue(diagnostic.Id, out var severity) && severity == ReportDiagnostic.Suppress
            ? "switched off in .editorconfig (severity none)"
            : null;
    }

    /// <summary><c>Namespace-free Type.Member</c> of the innermost member around the node.</summary>
    private static string? MemberOf(SyntaxNode node)
    {
        string? member = null;
        var types = new List<string>();
        for (var n = node; n is not null; n = n.Parent)
        {
            switch (n)
            {
                case LocalFunctionStatementSyntax local when member is null:
                    member = local.Identifier.ValueText;
                    break;
                case MethodDeclarationSyntax method when member is null:
                    member = method.Identifier.ValueText;
                    break;
                case ConstructorDeclarationSyntax ctor when member is null:
                    member = ctor.Modifiers.Any(SyntaxKind.StaticKeyword) ? ".cctor" : ".ctor";
                    break;
                case PropertyDeclarationSyntax property when member is null:
                    member = property.Identifier.ValueText;
                    break;
                case FieldDeclarationSyntax field when member is null:
                    member = string.Join(",", field.Declaration.Variables.Select(v => v.Identifier.ValueText));
                    break;
                case BaseTypeDeclarationSyntax type:
                    types.Insert(0, type.Identifier.ValueText);
                    break;
            }
        }

        if (member is null && types.Count == 0)
        {
            return null;
        }

        return member is null ? string.Join(".", types) : string.Join(".", types.Append(member));
    }

    private static string Window(string line, int column)
    {
        if (line.Length <= ExcerptWindow)
        {
            return line;
        }

        var start = Math.Clamp(column - (ExcerptWindow / 3), 0, line.Length - ExcerptWindow);
        return line.Substring(start, ExcerptWindow);
    }

    private static string Normalise(string code) => Whitespace().Replace(code.Trim(), " ");

    private static string Quote(string value) => "\"" + value + "\"";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
