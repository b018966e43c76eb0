using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Diagnostics;

/// <summary>The calls that switch on a debug or diagnostic interface, and how the message names what they enable.</summary>
internal static class DebugEndpointApis
{
    /// <summary>
    /// ASP.NET Core middleware and endpoints (with Swashbuckle, NSwag, Scalar and gRPC), matched by method name alone:
    /// ASP.NET Core is seldom resolvable where device code is audited, and the names are specific enough.
    /// </summary>
    private static readonly ImmutableDictionary<string, string> WebEndpoints = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["UseDeveloperExceptionPage"] = "the developer exception page",
        ["UseDatabaseErrorPage"] = "the database error page",
        ["UseMigrationsEndPoint"] = "the database migrations endpoint",
        ["UseBrowserLink"] = "Browser Link",
        ["UseSwagger"] = "the Swagger document endpoint",
        ["MapSwagger"] = "the Swagger document endpoint",
        ["UseSwaggerUI"] = "the Swagger UI",
        ["UseSwaggerUi"] = "the Swagger UI",
        ["UseSwaggerUi3"] = "the Swagger UI",
        ["UseOpenApi"] = "the OpenAPI document endpoint",
        ["MapOpenApi"] = "the OpenAPI document endpoint",
        ["UseReDoc"] = "the ReDoc API browser",
        ["MapScalarApiReference"] = "the Scalar API browser",
        ["MapGrpcReflectionService"] = "gRPC server reflection",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ApiName DebuggerLaunch = new("System.Diagnostics", "Debugger", "Launch");
    private static readonly ApiName DebuggerBreak = new("System.Diagnostics", "Debugger", "Break");
    private static readonly ApiName SetEnvironmentVariable = new("System", "Environment", "SetEnvironmentVariable");
    private static readonly ApiName ProcessStart = new("System.Diagnostics", "Process", "Start");
    private static readonly ApiName ProcessStartInfo = new("System.Diagnostics", "ProcessStartInfo", ".ctor");
    private static readonly ApiName TcpListener = new("System.Net.Sockets", "TcpListener", ".ctor");
    private static readonly ApiName TcpListenerCreate = new("System.Net.Sockets", "TcpListener", "Create");
    private static readonly ApiName SocketBind = new("System.Net.Sockets", "Socket", "Bind");

    // nanoFramework.Runtime.Native.GC and the older nanoFramework.Runtime.Native.Debug: GC reports on the debug
    // channel. No namespace: with the platform unresolved, GC binds to System.GC and the call to nothing.
    private static readonly ImmutableArray<ApiName> GcMessages =
        ImmutableArray.Create(new ApiName(null, "GC", "EnableGCMessages"), new ApiName(null, "Debug", "EnableGCMessages"));

    // The other members, with the type a static one is called on ("" for instance methods, called on anything).
    private static readonly ImmutableDictionary<string, string> OtherMembers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Launch"] = "Debugger",
        ["Break"] = "Debugger",
        ["SetEnvironmentVariable"] = "Environment",
        ["Start"] = "Process",
        ["Create"] = "TcpListener",
        ["Bind"] = "",
        ["EnableGCMessages"] = "",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>A look at the call's name alone, before any allocation or semantic query.</summary>
    public static bool MayMatter(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => WebEndpoints.ContainsKey(invocation.TargetMethod.Name) || OtherMembers.ContainsKey(invocation.TargetMethod.Name),
        IObjectCreationOperation creation => IsCandidateType(creation.Type?.Name),
        _ => operation.Syntax switch
        {
            // The only shapes of an unbound call that CallSite reads; a static call is written on its type's name.
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } =>
                WebEndpoints.ContainsKey(access.Name.Identifier.ValueText)
                || (OtherMembers.TryGetValue(access.Name.Identifier.ValueText, out var type)
                    && (type.Length == 0 || type == SyntaxNames.LastIdentifier(access.Expression))),
            ObjectCreationExpressionSyntax creation => IsCandidateType(SyntaxNames.LastIdentifier(creation.Type)),
            _ => false,
        },
    };

    private static bool IsCandidateType(string? name) => name is "ProcessStartInfo" or "TcpListener";

    /// <summary>What the call enables, worded for the message; null when it enables nothing of the kind.</summary>
    public static string? Enabled(CallSite site, SyntaxNode syntax, SemanticModel model, CancellationToken cancellationToken)
    {
        if (WebEndpoints.TryGetValue(site.Member, out var endpoint))
        {
            return endpoint;
        }

        if (DebuggerLaunch.Matches(site))
        {
            return "a just-in-time debugger (Debugger.Launch)";
        }

        if (DebuggerBreak.Matches(site))
        {
            return "a debugger break (Debugger.Break)";
        }

        var arguments = site.Arguments.Select(a => a.Syntax).OfType<ExpressionSyntax>().ToList();
        if (SetEnvironmentVariable.Matches(site) && arguments.Count >= 2)
        {
            var value = model.GetConstantValue(arguments[1], cancellationToken);
            return DiagnosticSettings.Enabled(Constant(arguments[0], model, cancellationToken) as string, value.HasValue, value.HasValue ? value.Value as string : null);
        }

        if (ProcessStart.Matches(site) || ProcessStartInfo.Matches(site))
        {
            return Command(arguments, syntax, model, cancellationToken);
        }

        if (TcpListener.Matches(site) || TcpListenerCreate.Matches(site) || SocketBind.Matches(site))
        {
            return DebugCommands.IsTelnetListener(arguments, model, cancellationToken) ? "a telnet listener on port 23" : null;
        }

        return GcMessages.Any(g => g.Matches(site)) && arguments.Count == 1 && Constant(arguments[0], model, cancellationToken) is true
            ? "the nanoFramework garbage collector's diagnostic messages"
            : null;
    }

    /// <summary><c>Process.Start("gdbserver", ":2345 app")</c>, <c>new ProcessStartInfo { FileName = "telnetd" }</c>.</summary>
    private static string? Command(List<ExpressionSyntax> arguments, SyntaxNode syntax, SemanticModel model, CancellationToken cancellationToken)
    {
        var file = arguments.Count > 0 ? Constant(arguments[0], model, cancellationToken) as string : null;
        var rest = arguments.Skip(1).SelectMany(a => DebugCommands.StringsIn(a, model, cancellationToken)).ToList();
        if (syntax is BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
        {
            foreach (var assignment in initializer.Expressions.OfType<AssignmentExpressionSyntax>())
            {
                switch (SyntaxNames.LastIdentifier(assignment.Left))
                {
                    case "FileName":
                        file = Constant(assignment.Right, model, cancellationToken) as string;
                        break;
                    case "Arguments" or "ArgumentList":
                        rest.AddRange(DebugCommands.StringsIn(assignment.Right, model, cancellationToken));
                        break;
                }
            }
        }

        return file is null ? null : DebugCommands.Describe(file, rest);
    }

    internal static object? Constant(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var constant = model.GetConstantValue(expression, cancellationToken);
        return constant.HasValue ? constant.Value : null;
    }
}
