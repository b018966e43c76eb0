using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Cryptography;

/// <summary>
/// CMP4006: DES, Triple DES and RC2 (short keys or 64-bit blocks, Sweet32), and ECB mode, which encrypts equal blocks
/// to equal ciphertext whatever the cipher. ECB counts wherever <c>CipherMode.ECB</c> is used as a value (an
/// assignment to <c>Mode</c>, nanoFramework's <c>new Aes(CipherMode.ECB)</c>) and in <c>EncryptEcb</c> /
/// <c>DecryptEcb</c>; comparing a mode with it is not a use.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakCipherAnalyzer : DiagnosticAnalyzer
{
    private const string Crypto = "System.Security.Cryptography";

    private const string Ecb = "ECB mode";

    // A constructor of DES, TripleDES or RC2 matches every derived class when the types resolve; the concrete names
    // are listed for code whose types did not.
    private static readonly ImmutableArray<(ApiName Api, string Cipher)> Creations = ImmutableArray.Create(
        (new ApiName(Crypto, "DES", "Create"), "DES"),
        (new ApiName(Crypto, "DES", ".ctor"), "DES"),
        (new ApiName(Crypto, "DESCryptoServiceProvider", ".ctor"), "DES"),
        (new ApiName(Crypto, "TripleDES", "Create"), "Triple DES"),
        (new ApiName(Crypto, "TripleDES", ".ctor"), "Triple DES"),
        (new ApiName(Crypto, "TripleDESCryptoServiceProvider", ".ctor"), "Triple DES"),
        (new ApiName(Crypto, "TripleDESCng", ".ctor"), "Triple DES"),
        (new ApiName(Crypto, "RC2", "Create"), "RC2"),
        (new ApiName(Crypto, "RC2", ".ctor"), "RC2"),
        (new ApiName(Crypto, "RC2CryptoServiceProvider", ".ctor"), "RC2"));

    private static readonly ImmutableArray<ApiName> NamedFactories = ImmutableArray.Create(
        new ApiName(Crypto, "SymmetricAlgorithm", "Create"),
        new ApiName(Crypto, "CryptoConfig", "CreateFromName"));

    private static readonly ImmutableHashSet<string> EcbMethods =
        ImmutableHashSet.Create(StringComparer.Ordinal, "EncryptEcb", "DecryptEcb", "TryEncryptEcb", "TryDecryptEcb");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WeakCipher);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(AnalyzeCall, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Invalid);
        context.RegisterOperationAction(AnalyzeField, OperationKind.FieldReference);
    }

    private static void AnalyzeCall(OperationAnalysisContext context)
    {
        // CipherMode.ECB of a CipherMode that did not resolve is no field reference but an invalid operation.
        if (context.Operation is IInvalidOperation { Syntax: MemberAccessExpressionSyntax access })
        {
            if (access.Name.Identifier.ValueText == "ECB" && SyntaxNames.LastIdentifier(access.Expression) == "CipherMode" && !IsComparedWith(access))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.WeakCipher, access.GetLocation(), Ecb));
            }

            return;
        }

        if (!MayMatter(context.Operation) || !CallSite.TryCreate(context.Operation, out var site) || Cipher(site, context.Operation.SemanticModel, context.CancellationToken) is not { } cipher)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.WeakCipher, context.Operation.Syntax.GetLocation(), cipher));
    }

    /// <summary>A look at the call's name alone, before any allocation or semantic query.</summary>
    private static bool MayMatter(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                return IsCandidateMember(invocation.TargetMethod.Name);
            case IObjectCreationOperation creation:
                for (var type = creation.Type; type is not null; type = type.BaseType)
                {
                    if (IsCandidateType(type.Name))
                    {
                        return true;
                    }
                }

                return false;
            default:
                // Create and CreateFromName are static: called on a type name, which must be one of the factories.
                return CryptoNames.UnboundCall(operation) is var (member, receiver)
                    && (member == ".ctor" ? IsCandidateType(receiver)
                        : member is "Create" or "CreateFromName" ? IsCandidateType(receiver) || NamedFactories.Any(f => f.Type == receiver)
                        : EcbMethods.Contains(member));
        }
    }

    private static bool IsCandidateMember(string name) => name is "Create" or "CreateFromName" || EcbMethods.Contains(name);

    private static bool IsCandidateType(string name) => Creations.Any(c => c.Api.Type == name);

    private static string? Cipher(CallSite site, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (site.Member is "Create" or ".ctor")
        {
            foreach (var (api, cipher) in Creations)
            {
                if (api.Matches(site))
                {
                    return cipher;
                }
            }
        }

        if (site.Member is "Create" or "CreateFromName" && model is not null && site.Arguments.Length > 0
            && site.Arguments[0].Syntax is ExpressionSyntax name && NamedFactories.Any(f => f.Matches(site)))
        {
            return CryptoNames.WeakCipherOfName(CryptoNames.ConstantString(name, model, cancellationToken));
        }

        // EncryptEcb and DecryptEcb are SymmetricAlgorithm's; by name alone when the receiver did not resolve.
        return EcbMethods.Contains(site.Member)
            && (site.Method is null || site.Method.ContainingType.Name == "SymmetricAlgorithm")
            ? Ecb
            : null;
    }

    private static void AnalyzeField(OperationAnalysisContext context)
    {
        var reference = (IFieldReferenceOperation)context.Operation;
        if (reference.Field is { Name: "ECB", ContainingType: { Name: "CipherMode", TypeKind: TypeKind.Enum } } && !IsComparedWith(reference.Syntax))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.WeakCipher, reference.Syntax.GetLocation(), Ecb));
        }
    }

    /// <summary>
    /// <c>mode == CipherMode.ECB</c>, <c>mode is CipherMode.ECB</c> (a binary <c>is</c> when the name could be a type),
    /// <c>case CipherMode.ECB:</c> test for ECB, and <c>nameof</c> names it; they do not use it.
    /// </summary>
    private static bool IsComparedWith(SyntaxNode node)
    {
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent is ConstantPatternSyntax or CaseSwitchLabelSyntax
            || (parent is BinaryExpressionSyntax binary
                && (binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression) || binary.IsKind(SyntaxKind.IsExpression)))
            || (parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                && SyntaxNames.LastIdentifier(invocation.Expression) is "Equals" or "nameof");
    }
}
