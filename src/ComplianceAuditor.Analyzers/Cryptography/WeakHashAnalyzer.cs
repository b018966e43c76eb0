using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Cryptography;

/// <summary>
/// CMP4005: MD5 or SHA-1 where collision resistance matters. Named as the hash of a signature (<c>SignData</c>,
/// <c>VerifyHash</c>, signature formatters, <c>CmsSigner.DigestAlgorithm</c>, <c>CertificateRequest</c>) it is
/// always reported. A hash object or digest is reported only when its use says integrity: the digest is compared
/// with an expected value or reaches a signature API, or the names around it speak of checksums, verification,
/// firmware, updates, downloads or manifests. A digest used as a cache key, ETag, dictionary key, file name or id is
/// not reported, nor are HMACMD5 and HMACSHA1: an HMAC does not rely on collision resistance.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakHashAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WeakHashForIntegrity);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(AnalyzeCall, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Invalid);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
    }

    private static void AnalyzeCall(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        if (!MayMatter(operation) || !CallSite.TryCreate(operation, out var site) || !WeakHashApis.CandidateMembers.Contains(site.Member)
            || operation.SemanticModel is not { } model || operation.Syntax is not ExpressionSyntax syntax)
        {
            return;
        }

        if (Creation(site, model, context.CancellationToken) is { } creation)
        {
            var inputs = creation.Value == HashValue.Digest ? site.Arguments.Select(a => a.Syntax).OfType<ExpressionSyntax>() : [];
            var start = syntax;
            if (site.Member == "TryHashData")
            {
                // The digest goes to the destination span, not to the returned bool.
                inputs = inputs.Take(1);
                start = site.Arguments.Length > 1 && site.Arguments[1].Syntax is ExpressionSyntax destination ? destination : syntax;
            }

            if (HashPurposeFinder.Find(start, creation.Value, inputs, model, context.CancellationToken) is { } purpose)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.WeakHashForIntegrity, syntax.GetLocation(), creation.Algorithm, purpose));
            }

            return;
        }

        if (SignaturePurpose(site) is { } signature)
        {
            foreach (var argument in site.Arguments)
            {
                if (argument.Syntax is ExpressionSyntax expression && CryptoNames.WeakHashOf(expression, model, context.CancellationToken) is { } algorithm)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.WeakHashForIntegrity, expression.GetLocation(), algorithm, signature));
                }
            }
        }
    }

    /// <summary>A look at the call's name alone, before any allocation or semantic query.</summary>
    private static bool MayMatter(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => WeakHashApis.CandidateMembers.Contains(invocation.TargetMethod.Name),
        IObjectCreationOperation creation => WeakHashApis.IsCandidateType(creation.Type),
        _ => CryptoNames.UnboundCall(operation) is { } call && WeakHashApis.MayMatterUnbound(call.Member, call.Receiver),
    };

    /// <summary><c>signer.DigestAlgorithm = new Oid("1.3.14.3.2.26")</c> (SignedCms, CmsSigner).</summary>
    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        if (context.Operation.Syntax is AssignmentExpressionSyntax { Left: var left, Right: var right }
            && SyntaxNames.LastIdentifier(left) == "DigestAlgorithm"
            && context.Operation.SemanticModel is { } model
            && CryptoNames.WeakHashOf(right, model, context.CancellationToken) is { } algorithm)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.WeakHashForIntegrity, right.GetLocation(), algorithm, "sign data"));
        }
    }

    private static (string Algorithm, HashValue Value)? Creation(CallSite site, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var (api, algorithm, value) in WeakHashApis.Factories)
        {
            if (api.Matches(site))
            {
                return (algorithm, value);
            }
        }

        if (site.Arguments.Length > 0 && WeakHashApis.NamedFactories.Any(f => f.Matches(site))
            && site.Arguments[0].Syntax is ExpressionSyntax name && CryptoNames.WeakHashOf(name, model, cancellationToken) is { } named)
        {
            return (named, HashValue.Algorithm);
        }

        return null;
    }

    /// <summary>What a call that takes a hash algorithm does with it, when it signs or verifies.</summary>
    private static string? SignaturePurpose(CallSite site)
    {
        if (WeakHashApis.SignatureMethods.Contains(site.Member))
        {
            return site.Member.StartsWith("Verify", StringComparison.Ordinal) ? "verify a signature" : "sign data";
        }

        if (site.Member == "SetHashAlgorithm")
        {
            var type = new[] { site.ReceiverType?.Name, site.Method?.ContainingType.Name, site.Type }.FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? "";
            return type.IndexOf("Deformatter", StringComparison.Ordinal) >= 0 ? "verify a signature" : "sign data";
        }

        return site.Member == ".ctor" && site.Type == "CertificateRequest" ? "sign a certificate" : null;
    }
}
