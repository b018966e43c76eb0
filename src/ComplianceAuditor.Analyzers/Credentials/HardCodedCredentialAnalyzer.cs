using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Credentials;

/// <summary>
/// CMP4001: a password, key, token or connection-string secret written into the source. Reported on the literal (or
/// on the literal a constant is declared with), which the CLI redacts; messages name the destination, never the value.
/// <list type="bullet">
/// <item>Credential arguments of NetworkCredential, the nanoFramework and Meadow Wi-Fi connect calls, the M2Mqtt and
/// MQTTnet credential calls and AuthenticationHeaderValue (<see cref="CredentialApis"/>), and of any parameter whose
/// name says credential.</item>
/// <item>Values stored under a credential name: properties, fields, constants, variables, parameter defaults, returns
/// of <c>Password</c>-like members, and keyed stores (<c>Headers.Add("Authorization", ...)</c>, <c>dict["api_key"]</c>).</item>
/// <item>Connection strings with a <c>Password=</c>, <c>Pwd=</c>, <c>SharedAccessKey=</c>, <c>AccountKey=</c> or
/// <c>SharedAccessSignature=</c> value, wherever they are written.</item>
/// </list>
/// Methods named by <c>compliance_auditor.CMP4001.credential_methods</c> take credentials in the arguments bound to
/// credential-named parameters; when the method did not resolve, or none of its parameters has such a name, every
/// argument after the first is one (the first is usually a user name, client id or SSID), or the only argument of a
/// one-argument call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedCredentialAnalyzer : DiagnosticAnalyzer
{
    private const string HttpCredential = "HTTP credential";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardCodedCredential);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var reporter = new CredentialReporter();
            start.RegisterOperationAction(c => AnalyzeCall(c, reporter), OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Invalid);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, reporter), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => AnalyzeDeclaration(c, reporter), OperationKind.VariableDeclarator, OperationKind.FieldInitializer,
                OperationKind.PropertyInitializer, OperationKind.ParameterInitializer);
            start.RegisterOperationAction(c => AnalyzeReturn(c, reporter), OperationKind.Return);
            start.RegisterOperationAction(c => ConnectionStringRule.Analyze(c, reporter), OperationKind.Literal, OperationKind.Binary,
                OperationKind.InterpolatedString);
        });
    }

    private static void AnalyzeCall(OperationAnalysisContext context, CredentialReporter reporter)
    {
        var tree = reporter.For(context.Options, context.Operation.Syntax.SyntaxTree);
        if (!CredentialApis.MayTakeCredential(context.Operation, tree.Vocabulary, tree.Methods)
            || !CallSite.TryCreate(context.Operation, out var site) || site.Arguments.IsEmpty)
        {
            return;
        }

        var api = CredentialApis.Find(site);
        var arguments = CallArgument.Of(context.Operation, site);
        var optionMethod = tree.Methods.Any(m => m.Matches(site));
        var credentialParameters = optionMethod && site.Method?.Parameters.Any(p => tree.Vocabulary.Match(p.Name) is not null) == true;
        var keyed = CredentialApis.IsKeyedSetter(site.Member) && arguments.Length >= 2 ? Key(arguments[0].Value) : null;
        keyed = keyed is not null && CredentialApis.IsSettingKey(keyed) ? keyed : null;
        foreach (var argument in arguments)
        {
            var name = argument.Parameter?.Name ?? argument.WrittenName;
            var named = name is null ? null : tree.Vocabulary.Match(name);
            (string What, string Where, bool Authorization)? sink = null;
            if (api is not null && (argument.Parameter?.Ordinal ?? argument.Position) == api.Index)
            {
                sink = (api.What, api.Display, api.Authorization);
            }
            else if (keyed is not null && argument.Position == 1)
            {
                sink = CredentialApis.IsAuthorizationHeader(keyed) ? (HttpCredential, "the Authorization header", true)
                    : tree.Vocabulary.Match(keyed) is { } keyWhat ? (keyWhat, $"the '{keyed}' entry", false) : null;
            }
            else if (named is not null)
            {
                sink = (named, CredentialApis.Describe(site), false);
            }
            else if (optionMethod && !credentialParameters && (argument.Position > 0 || arguments.Length == 1))
            {
                sink = ("credential", CredentialApis.Describe(site), false);
            }

            if (sink is { } s && ConstantText.TryResolve(argument.Value, out var text) && !IsPlaceholder(text.Value, s.Authorization, api is not null, tree))
            {
                reporter.Report(context, tree, text, s.What, s.Where, null);
            }
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, CredentialReporter reporter)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (CredentialTargets.AssignedMember(assignment.Target) is { } member)
        {
            reporter.CheckNamed(context, member.Name, member.Symbol, assignment.Value, isConstant: false);
            return;
        }

        if (CredentialTargets.IndexerKey(assignment.Target) is { } keyOperation && Key(keyOperation) is { } key
            && CredentialApis.IsSettingKey(key) && ConstantText.TryResolve(assignment.Value, out var text))
        {
            var tree = reporter.For(context.Options, assignment.Syntax.SyntaxTree);
            if (CredentialApis.IsAuthorizationHeader(key))
            {
                if (!IsPlaceholder(text.Value, authorization: true, knownApi: true, tree))
                {
                    reporter.Report(context, tree, text, HttpCredential, "the Authorization header", null);
                }
            }
            else if (tree.Vocabulary.Match(key) is { } what && !IsPlaceholder(text.Value, authorization: false, knownApi: false, tree))
            {
                reporter.Report(context, tree, text, what, $"the '{key}' entry", null);
            }
        }
    }

    private static void AnalyzeDeclaration(OperationAnalysisContext context, CredentialReporter reporter)
    {
        switch (context.Operation)
        {
            case IVariableDeclaratorOperation declarator:
                reporter.CheckNamed(context, declarator.Symbol.Name, declarator.Symbol, declarator.Initializer?.Value, declarator.Symbol.IsConst);
                break;
            case IFieldInitializerOperation field:
                foreach (var f in field.InitializedFields)
                {
                    reporter.CheckNamed(context, f.Name, f, field.Value, f.IsConst || f.IsReadOnly);
                }

                break;
            case IPropertyInitializerOperation property:
                foreach (var p in property.InitializedProperties)
                {
                    reporter.CheckNamed(context, p.Name, p, property.Value, isConstant: false);
                }

                break;
            case IParameterInitializerOperation parameter:
                reporter.CheckNamed(context, parameter.Parameter.Name, parameter.Parameter, parameter.Value, isConstant: false);
                break;
        }
    }

    // string Password => "hunter2"; string GetApiKey() { return "abc"; }
    private static void AnalyzeReturn(OperationAnalysisContext context, CredentialReporter reporter)
    {
        var operation = (IReturnOperation)context.Operation;
        if (operation.Kind != OperationKind.Return || operation.ReturnedValue is null || context.ContainingSymbol is not IMethodSymbol method)
        {
            return;
        }

        var member = (ISymbol?)method.AssociatedSymbol ?? method;
        if (reporter.For(context.Options, operation.Syntax.SyntaxTree).Vocabulary.Match(member.Name) is null)
        {
            return;
        }

        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return;
            }
        }

        reporter.CheckNamed(context, member.Name, method, operation.ReturnedValue, isConstant: false);
    }

    // The key of a keyed store, written in place: a constant string, or an enum member such as
    // HttpRequestHeader.Authorization. Keys are not followed through variables: Add and Append are everywhere, and a
    // key kept in a variable is rarely a credential's name.
    private static string? Key(IOperation operation)
    {
        var value = operation is IArgumentOperation argument ? argument.Value : operation;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value switch
        {
            { ConstantValue: { HasValue: true, Value: string key } } => key,
            IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum } member => member.Field.Name,
            _ => null,
        };
    }

    // An Authorization value's scheme and a basic-auth user name are not secret: judge what follows them. A known
    // credential API receives "wifi_password" as a password, so only a placeholder is let through there.
    private static bool IsPlaceholder(string value, bool authorization, bool knownApi, CredentialReporter.TreeSettings tree)
    {
        var secret = authorization ? SecretValues.AuthorizationCredential(value) : value;
        return SecretValues.IsPlaceholder(secret, tree.Vocabulary) || (!knownApi && !authorization && SecretValues.IsSettingName(secret, null, false, tree.Vocabulary));
    }
}
