using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplianceAuditor.Analyzers.Diagnostics;

/// <summary>
/// Debug servers and unauthenticated shells that device code starts itself: a command line read from the constant
/// strings of a process start, and a listener bound to the telnet port.
/// </summary>
internal static class DebugCommands
{
    private const int TelnetPort = 23;

    // Programs that run the next word as the command (busybox telnetd, sudo gdbserver, nohup vsdbg).
    private static readonly ImmutableHashSet<string> Launchers = ImmutableHashSet.Create(
        StringComparer.Ordinal, "busybox", "sudo", "nohup", "setsid", "env", "exec", "sh", "bash", "ash", "dash", "zsh");

    private static readonly ImmutableHashSet<string> Separators = ImmutableHashSet.Create(StringComparer.Ordinal, ";", "&", "&&", "|", "||");

    /// <summary>What the command line starts, when it is a debug server or a login without password; else null.</summary>
    public static string? Describe(string file, IEnumerable<string> arguments)
    {
        var tokens = Tokens(file).Concat(arguments.SelectMany(Tokens)).ToList();
        var expectProgram = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (Separators.Contains(token))
            {
                expectProgram = true;
                continue;
            }

            // Options of a launcher (sh -c, env -i) and variable assignments (VAR=x cmd) come before the program.
            if (!expectProgram || (i > 0 && token.StartsWith("-", StringComparison.Ordinal)) || token.IndexOf('=') > 0)
            {
                continue;
            }

            var program = ProgramName(token);
            if (Launchers.Contains(program))
            {
                continue;
            }

            expectProgram = false;
            switch (program)
            {
                case "gdbserver":
                    return "a gdbserver remote debugging stub";
                case "vsdbg":
                    return "the vsdbg remote debugger";
                case "telnetd" or "utelnetd" or "in.telnetd":
                    return "a telnet login service";
                case "dropbear" when tokens.Skip(i + 1).TakeWhile(t => !Separators.Contains(t)).Any(AllowsBlankPassword):
                    return "SSH logins with an empty password (dropbear -B)";
            }
        }

        return null;
    }

    /// <summary>The constant strings an argument holds: itself, or the elements of an array or collection.</summary>
    public static IEnumerable<string> StringsIn(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (DebugEndpointApis.Constant(expression, model, cancellationToken) is string text)
        {
            return [text];
        }

        return expression.DescendantNodes()
            .OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
            .Select(l => l.Token.ValueText);
    }

    /// <summary>
    /// <c>new TcpListener(IPAddress.Any, 23)</c>, <c>new TcpListener(23)</c>, <c>TcpListener.Create(23)</c>,
    /// <c>socket.Bind(new IPEndPoint(IPAddress.Any, 23))</c>: the telnet port, on more than the loopback interface.
    /// </summary>
    public static bool IsTelnetListener(IReadOnlyList<ExpressionSyntax> arguments, SemanticModel model, CancellationToken cancellationToken)
    {
        if (arguments.Count == 1 && EndPointArguments(arguments[0], model, cancellationToken) is { } endPoint)
        {
            arguments = endPoint;
        }

        return arguments.Count switch
        {
            1 => IsTelnetPort(arguments[0], model, cancellationToken),
            2 => IsTelnetPort(arguments[1], model, cancellationToken) && !IsLoopback(arguments[0], model, cancellationToken),
            _ => false,
        };
    }

    private static List<ExpressionSyntax>? EndPointArguments(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is IdentifierNameSyntax identifier
            && model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            expression = value;
        }

        return expression is BaseObjectCreationExpressionSyntax { ArgumentList: { } list } creation
            && (creation is not ObjectCreationExpressionSyntax named || SyntaxNames.LastIdentifier(named.Type) == "IPEndPoint")
            ? list.Arguments.Select(a => a.Expression).ToList()
            : null;
    }

    private static bool IsTelnetPort(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        DebugEndpointApis.Constant(expression, model, cancellationToken) is int port && port == TelnetPort;

    private static bool IsLoopback(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (SyntaxNames.LastIdentifier(expression) is "Loopback" or "IPv6Loopback")
        {
            return true;
        }

        return expression is InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } addresses }
            && DebugEndpointApis.Constant(addresses[0].Expression, model, cancellationToken) is string text
            && (text.StartsWith("127.", StringComparison.Ordinal) || text is "::1" or "localhost");
    }

    /// <summary>dropbear's -B, alone or among other single-letter options (-RB).</summary>
    private static bool AllowsBlankPassword(string token) =>
        token.Length > 1 && token[0] == '-' && token[1] != '-' && token.IndexOf('B') > 0;

    private static string ProgramName(string token)
    {
        var name = token.Substring(token.LastIndexOf('/') + 1);
        return name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 4) : name;
    }

    /// <summary>Words of a command line, with ; &amp; and | as words of their own; quotes only delimit.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var current = new System.Text.StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsWhiteSpace(c) || c is '"' or '\'' or ';' or '&' or '|' or '(' or ')')
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                if (c is ';' or '&' or '|')
                {
                    var doubled = i + 1 < text.Length && text[i + 1] == c && c != ';';
                    yield return doubled ? new string(c, 2) : c.ToString();
                    i += doubled ? 1 : 0;
                }

                continue;
            }

            current.Append(c);
        }
    }
}
