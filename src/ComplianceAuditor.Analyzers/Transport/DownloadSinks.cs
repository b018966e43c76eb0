using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Transport;

/// <summary>What a sink expects at its URL: an http URL, an MQTT broker host without TLS, or an MQTT URI.</summary>
internal enum SinkKind
{
    Http,
    MqttHost,
    MqttUri,
}

/// <summary>A call that fetches from a URL (or connects to a broker), with the expression that gives the URL.</summary>
internal readonly struct Sink
{
    public Sink(string api, ExpressionSyntax url, SinkKind kind)
    {
        Api = api;
        Url = url;
        Kind = kind;
    }

    /// <summary>The API for the message: <c>HttpClient.GetByteArrayAsync</c>.</summary>
    public string Api { get; }

    public ExpressionSyntax Url { get; }

    public SinkKind Kind { get; }
}

/// <summary>
/// The download APIs CMP4004 follows URLs into: HttpClient (the async methods, nanoFramework's synchronous Get,
/// GetString, GetByteArray, GetStream and Send, GetFromJsonAsync, BaseAddress), WebClient (DownloadData, DownloadFile,
/// DownloadString, OpenRead and their Async and TaskAsync forms, BaseAddress), <c>Create</c> of any *WebRequest type
/// (WebRequest, HttpWebRequest, nanoFramework's), and MQTT: M2Mqtt's MqttClient without TLS, MQTTnet's WithTcpServer in
/// a member that never calls WithTls*, and mqtt:// or ws:// URIs passed to any Mqtt* type. Matching is by type and
/// member name, so calls on types that did not resolve still count.
/// </summary>
internal static class DownloadSinks
{
    private static readonly ImmutableHashSet<string> HttpClientMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "GetAsync", "GetByteArrayAsync", "GetStreamAsync", "GetStringAsync", "SendAsync", "GetFromJsonAsync",
        "Get", "GetByteArray", "GetStream", "GetString", "Send");

    private static readonly ImmutableHashSet<string> WebClientMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "DownloadData", "DownloadDataAsync", "DownloadDataTaskAsync", "DownloadFile", "DownloadFileAsync", "DownloadFileTaskAsync",
        "DownloadString", "DownloadStringAsync", "DownloadStringTaskAsync", "OpenRead", "OpenReadAsync", "OpenReadTaskAsync");

    private static readonly ImmutableHashSet<string> WebRequestMethods = ImmutableHashSet.Create(StringComparer.Ordinal, "Create", "CreateHttp");

    private const string HttpClient = "HttpClient";
    private const string WebClient = "WebClient";

    /// <summary>The sinks <paramref name="operation"/> is (none for most operations).</summary>
    public static IEnumerable<Sink> Of(IOperation operation)
    {
        if (operation is ISimpleAssignmentOperation assignment)
        {
            return BaseAddress(assignment);
        }

        if (!MayBeSink(operation) || !CallSite.TryCreate(operation, out var site))
        {
            return [];
        }

        var sinks = new List<Sink>();
        var member = site.Member;
        if (site.Type.IndexOf("Mqtt", StringComparison.Ordinal) >= 0)
        {
            Mqtt(site, operation, sinks);
            return sinks;
        }

        if (!IsSinkName(member))
        {
            return sinks;
        }

        var types = TypeNames(site, operation);
        if (HttpClientMethods.Contains(member) && types.Contains(HttpClient))
        {
            AddUrl(sinks, HttpClient + "." + member, UrlArgument(operation, site, followRequest: true));
        }
        else if (WebClientMethods.Contains(member) && types.Contains(WebClient))
        {
            AddUrl(sinks, WebClient + "." + member, UrlArgument(operation, site, followRequest: false));
        }
        else if (WebRequestMethods.Contains(member) && WebRequestType(site, types) is { } webRequest)
        {
            AddUrl(sinks, webRequest + "." + member, UrlArgument(operation, site, followRequest: false));
        }

        return sinks;
    }

    /// <summary>A cheap test on the bound name first: most calls are no sink, and CallSite allocates.</summary>
    private static bool MayBeSink(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => IsSinkName(invocation.TargetMethod.Name) || IsMqtt(invocation.TargetMethod.ContainingType),
        IObjectCreationOperation creation => IsMqtt(creation.Type),
        _ => operation.Syntax switch
        {
            // Unbound calls (unresolved platform types) are common in the CLI's compilations: decide on the syntax.
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation =>
                IsSinkName(access.Name.Identifier.ValueText) || access.Name.Identifier.ValueText.IndexOf("Server", StringComparison.Ordinal) >= 0
                || access.Name.Identifier.ValueText.IndexOf("Uri", StringComparison.Ordinal) >= 0 || HasMqttUriLiteral(invocation.ArgumentList),
            ObjectCreationExpressionSyntax creation => creation.Type.ToString().IndexOf("Mqtt", StringComparison.Ordinal) >= 0,
            _ => false,
        },
    };

    private static bool HasMqttUriLiteral(ArgumentListSyntax arguments) =>
        arguments.Arguments.Any(a => a.Expression is LiteralExpressionSyntax literal
            && (literal.Token.ValueText.StartsWith("mqtt://", StringComparison.OrdinalIgnoreCase)
                || literal.Token.ValueText.StartsWith("ws://", StringComparison.OrdinalIgnoreCase)));

    private static bool IsSinkName(string member) =>
        HttpClientMethods.Contains(member) || WebClientMethods.Contains(member) || WebRequestMethods.Contains(member);

    private static bool IsMqtt(ITypeSymbol? type) => type is not null && type.Name.IndexOf("Mqtt", StringComparison.Ordinal) >= 0;

    private static string? WebRequestType(CallSite site, HashSet<string> types) =>
        site.Type.EndsWith("WebRequest", StringComparison.Ordinal)
            ? site.Type
            : types.Where(t => t.EndsWith("WebRequest", StringComparison.Ordinal)).OrderBy(t => t.Length).FirstOrDefault();

    private static IEnumerable<Sink> BaseAddress(ISimpleAssignmentOperation assignment)
    {
        const string Member = "BaseAddress";
        if (ApiDisplay.TargetMemberName(assignment.Target) != Member || assignment.Value.Syntax is not ExpressionSyntax value)
        {
            return [];
        }

        var api = ApiDisplay.OfTarget(assignment.Target);
        return api is Member or HttpClient + "." + Member or WebClient + "." + Member ? [new Sink(api, value, SinkKind.Http)] : [];
    }

    private static void Mqtt(CallSite site, IOperation operation, List<Sink> sinks)
    {
        var arguments = ArgumentSyntax(operation, site);
        if (site.Type == "MqttClient" && site.Member == ".ctor" && arguments.Count > 0 && IsWithoutTls(arguments))
        {
            sinks.Add(new Sink("MqttClient without TLS", arguments[0], SinkKind.MqttHost));
        }
        else if (site.Member == "WithTcpServer" && arguments.Count > 0 && !CallsWithTls(operation.Syntax))
        {
            sinks.Add(new Sink(ApiDisplay.Of(site) + " without WithTls", arguments[0], SinkKind.MqttHost));
        }
        else
        {
            sinks.AddRange(arguments.Select(a => new Sink(ApiDisplay.Of(site), a, SinkKind.MqttUri)));
        }
    }

    // M2Mqtt: MqttClient(host) connects on 1883 in clear; MqttClient(host, port, secure, ...) says it with 'secure'.
    private static bool IsWithoutTls(List<ExpressionSyntax> arguments) =>
        arguments.Count == 1 || (arguments.Count >= 3 && arguments[2] is LiteralExpressionSyntax { Token.ValueText: "false" });

    /// <summary>Does the member around the call also ask for TLS (<c>WithTls()</c>, <c>WithTlsOptions(...)</c>)?</summary>
    private static bool CallsWithTls(SyntaxNode call)
    {
        var member = call.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax) ?? call;
        return member.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i =>
            i.Expression is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText.StartsWith("WithTls", StringComparison.Ordinal));
    }

    private static void AddUrl(List<Sink> sinks, string api, ExpressionSyntax? url)
    {
        if (url is not null)
        {
            sinks.Add(new Sink(api, url, SinkKind.Http));
        }
    }

    /// <summary>
    /// The argument that holds the URL: the first string or Uri parameter of a bound call, the first argument of an
    /// unbound one. For Send and SendAsync, the URL the HttpRequestMessage was made with.
    /// </summary>
    private static ExpressionSyntax? UrlArgument(IOperation operation, CallSite site, bool followRequest)
    {
        ExpressionSyntax? url = null;
        var bound = operation is IInvocationOperation invocation ? invocation.Arguments : default;
        if (!bound.IsDefault)
        {
            var ordered = bound.Where(a => a.ArgumentKind == ArgumentKind.Explicit).OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
            url = ordered.FirstOrDefault(a => a.Parameter?.Type.Name is "String" or "Uri")?.Value.Syntax as ExpressionSyntax
                ?? ordered.FirstOrDefault(a => a.Parameter?.Type.Name == "HttpRequestMessage")?.Value.Syntax as ExpressionSyntax;
        }
        else if (!site.Arguments.IsEmpty)
        {
            url = site.Arguments[0].Syntax as ExpressionSyntax;
        }

        return followRequest && url is not null ? RequestUrl(url, operation.SemanticModel) ?? url : url;
    }

    /// <summary>The URL of <c>new HttpRequestMessage(method, url)</c> (or <c>{ RequestUri = ... }</c>), directly or through a local.</summary>
    private static ExpressionSyntax? RequestUrl(ExpressionSyntax request, SemanticModel? model)
    {
        if (request is IdentifierNameSyntax && model is not null && model.SyntaxTree == request.SyntaxTree
            && model.GetSymbolInfo(request).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var initializer })
        {
            request = initializer;
        }

        if (request is not BaseObjectCreationExpressionSyntax creation
            || (creation is ObjectCreationExpressionSyntax explicitType && !explicitType.Type.ToString().EndsWith("HttpRequestMessage", StringComparison.Ordinal)))
        {
            return null;
        }

        if (creation.ArgumentList?.Arguments.Count >= 2)
        {
            return creation.ArgumentList.Arguments[1].Expression;
        }

        return creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "RequestUri" })?.Right;
    }

    private static List<ExpressionSyntax> ArgumentSyntax(IOperation operation, CallSite site) =>
        operation.Syntax switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments.Select(a => a.Expression).ToList(),
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments.Select(a => a.Expression).ToList() ?? [],
            _ => site.Arguments.Select(a => a.Syntax).OfType<ExpressionSyntax>().ToList(),
        };

    /// <summary>
    /// The names of the types a call can belong to: the method's type and its bases, the receiver's type and its bases,
    /// and for an extension method the extended type; for an unbound call, the name written before the member.
    /// </summary>
    private static HashSet<string> TypeNames(CallSite site, IOperation operation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { site.Type };
        AddChain(names, site.Method?.ContainingType);
        AddChain(names, site.ReceiverType);
        if (site.Method is { IsExtensionMethod: true } extension)
        {
            AddChain(names, (extension.ReducedFrom ?? extension).Parameters.FirstOrDefault()?.Type);
        }

        if (operation is IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } invocation)
        {
            AddChain(names, invocation.Arguments[0].Value.Type);
        }

        return names;
    }

    private static void AddChain(HashSet<string> names, ITypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            names.Add(t.Name);
        }
    }
}
