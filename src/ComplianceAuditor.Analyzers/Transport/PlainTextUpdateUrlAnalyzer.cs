using System.Collections.Concurrent;
using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Analyzers.Transport;

/// <summary>
/// CMP4004: firmware or configuration fetched over plain HTTP (or from an MQTT broker without TLS). An <c>http://</c>
/// URL fixed in source (a literal, an interpolated string or concatenation that starts with it, <c>new Uri(...)</c>,
/// through locals, fields, constants and properties) that reaches a download API (see <see cref="DownloadSinks"/>) is
/// reported at its literal when the URL or the names around the call say firmware or configuration (see
/// <see cref="UpdateWords"/>). Loopback addresses never leave the device and are left alone; so is everything that
/// does not reach a download call (XML namespaces, links that are only shown or logged).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PlainTextUpdateUrlAnalyzer : DiagnosticAnalyzer
{
    private const int MaxShownLength = 100;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PlainTextUpdateUrl);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // A constant is reported at its literal once per distinct message, whichever download is analysed first.
            var reported = new ConcurrentDictionary<(Location, string, string), byte>();
            start.RegisterOperationAction(
                c => Analyze(c, reported),
                OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Invalid, OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, ConcurrentDictionary<(Location, string, string), byte> reported)
    {
        foreach (var sink in DownloadSinks.Of(context.Operation))
        {
            var url = UrlValue.Resolve(sink.Url, context.Operation.SemanticModel, context.CancellationToken);
            if (url is null
                || !TryGetHost(url.Text, sink.Kind, out var host)
                || IsLoopback(host)
                || !IsAboutUpdates(url, sink, context))
            {
                continue;
            }

            var location = ReportLocation.Within(context.Compilation, url.Location, sink.Url.GetLocation());
            if (reported.TryAdd((location, Shown(url.Text), sink.Api), 0))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.PlainTextUpdateUrl, location, Shown(url.Text), sink.Api));
            }
        }
    }

    /// <summary>The host of a clear-text URL of the kind the sink takes; false for https, mqtts, wss and the like.</summary>
    private static bool TryGetHost(string url, SinkKind kind, out string host)
    {
        host = "";
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "" : url.Substring(0, schemeEnd).ToLowerInvariant();
        var plain = kind switch
        {
            SinkKind.Http => scheme == "http",
            SinkKind.MqttUri => scheme is "mqtt" or "tcp" or "ws",
            _ => scheme is "" or "mqtt" or "tcp",
        };
        if (!plain)
        {
            return false;
        }

        var authority = schemeEnd < 0 ? url : url.Substring(schemeEnd + 3);
        var end = authority.IndexOfAny(['/', '?', '#']);
        authority = end < 0 ? authority : authority.Substring(0, end);
        authority = authority.Substring(authority.LastIndexOf('@') + 1);
        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            var close = authority.IndexOf(']');
            host = close < 0 ? authority : authority.Substring(0, close + 1);
        }
        else
        {
            var colon = authority.IndexOf(':');
            host = colon < 0 ? authority : authority.Substring(0, colon);
        }

        return host.Length > 0;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.StartsWith("127.", StringComparison.Ordinal)
        || host is "[::1]" or "::1";

    private static bool IsAboutUpdates(UrlValue url, Sink sink, OperationAnalysisContext context)
    {
        if (UpdateWords.InUrl(url.Text) || url.Names.Any(UpdateWords.InName))
        {
            return true;
        }

        for (var symbol = context.ContainingSymbol; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (UpdateWords.InName(symbol.Name))
            {
                return true;
            }
        }

        var call = context.Operation.Syntax;
        if (call.Ancestors().OfType<LocalFunctionStatementSyntax>().Any(f => UpdateWords.InName(f.Identifier.ValueText))
            || UpdateWords.InName(ResultName(call)))
        {
            return true;
        }

        // The other arguments: DownloadFile(url, "/flash/firmware.bin"), GetAsync(url, manifestToken).
        var arguments = call.ChildNodes().OfType<BaseArgumentListSyntax>().SelectMany(l => l.Arguments).Select(a => a.Expression)
            .Where(a => a != sink.Url && !a.Span.Contains(sink.Url.Span));
        foreach (var argument in arguments)
        {
            if ((argument is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && UpdateWords.InUrl(literal.Token.ValueText))
                || argument.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => UpdateWords.InName(i.Identifier.ValueText)))
            {
                return true;
            }
        }

        return sink.Kind != SinkKind.Http && TopicsSayUpdates(call);
    }

    /// <summary>The variable, field or property the call's result goes to, through await, casts and member accesses.</summary>
    private static string? ResultName(SyntaxNode call)
    {
        var current = call;
        while (current.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax
            or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ConditionalAccessExpressionSyntax)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: var left } => left.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().LastOrDefault()?.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>
    /// MQTT: the topics the type subscribes or publishes to say what the connection carries
    /// (<c>devices/+/firmware</c>, <c>config/set</c>).
    /// </summary>
    private static bool TopicsSayUpdates(SyntaxNode call)
    {
        var type = call.Ancestors().OfType<TypeDeclarationSyntax>().LastOrDefault();
        if (type is null)
        {
            return false;
        }

        foreach (var invocation in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = invocation.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : "";
            if (name.StartsWith("Subscribe", StringComparison.Ordinal) || name.StartsWith("Publish", StringComparison.Ordinal)
                || name.StartsWith("WithTopic", StringComparison.Ordinal))
            {
                if (invocation.DescendantNodes().OfType<LiteralExpressionSyntax>()
                    .Any(l => l.IsKind(SyntaxKind.StringLiteralExpression) && UpdateWords.InName(l.Token.ValueText)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The URL for the message: without user information and query (they can hold credentials), and short.</summary>
    private static string Shown(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var hostStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var pathStart = url.IndexOfAny(['/', '?', '#'], hostStart);
        var at = url.LastIndexOf('@', pathStart < 0 ? url.Length - 1 : pathStart);
        if (at >= hostStart)
        {
            url = url.Substring(0, hostStart) + url.Substring(at + 1);
        }

        var query = url.IndexOf('?');
        if (query >= 0)
        {
            url = url.Substring(0, query) + "?...";
        }

        return url.Length > MaxShownLength ? url.Substring(0, MaxShownLength) + "..." : url;
    }
}
