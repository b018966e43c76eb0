using System.Collections.Concurrent;
using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Analyzers.Credentials;

/// <summary>
/// One compilation's state for CMP4001: the options of each syntax tree, read once, and the findings already made. A
/// constant can reach several sinks (or the same one from several files); the finding is on the constant's literal,
/// so it is reported once per literal and destination, whichever call is analysed first.
/// </summary>
internal sealed class CredentialReporter
{
    private readonly ConcurrentDictionary<SyntaxTree, TreeSettings> settings = new();
    private readonly ConcurrentDictionary<(Location Location, string What, string Where), byte> reported = new();

    private readonly ConcurrentDictionary<string, CredentialVocabulary> vocabularies = new(StringComparer.Ordinal);

    public TreeSettings For(AnalyzerOptions options, SyntaxTree tree) =>
        settings.TryGetValue(tree, out var known) ? known : settings.GetOrAdd(tree, t =>
        {
            // Trees with the same extra words share one vocabulary, and with it its cache of names already judged.
            var words = OptionValues.Identifiers(options, t, OptionKeys.CredentialNames);
            var vocabulary = vocabularies.GetOrAdd(string.Join(",", words), _ => CredentialVocabulary.Create(words));
            return new TreeSettings(vocabulary, OptionValues.ApiNames(options, t, OptionKeys.CredentialSinks));
        });

    /// <summary>
    /// Reports <paramref name="text"/> reaching <paramref name="where"/> as a <paramref name="what"/>, unless another
    /// finding already covers its literal: a connection-string secret is reported where it is written, and a value
    /// read from a credential-named constant or variable is reported at that declaration.
    /// </summary>
    public void Report(OperationAnalysisContext context, TreeSettings tree, ConstantText text, string what, string where, ISymbol? target)
    {
        if (text.Location.IsInSource && SecretValues.HasConnectionStringSecret(text.Value, tree.Vocabulary))
        {
            return;
        }

        foreach (var holder in text.Holders)
        {
            if (!SymbolEqualityComparer.Default.Equals(holder, target)
                && holder.DeclaringSyntaxReferences.Length > 0
                && tree.Vocabulary.Match(holder.Name) is not null)
            {
                return;
            }
        }

        var location = ReportLocation.Within(context.Compilation, text.Location, context.Operation.Syntax.GetLocation());
        if (reported.TryAdd((location, what, where), 0))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HardCodedCredential, location, what, where));
        }
    }

    /// <summary>Judges a value stored under a name: reported when the name says credential and the value can be one.</summary>
    /// <remarks>
    /// <paramref name="target"/> names the destination in the message (<c>property 'Password'</c>); null for a member
    /// of a type that did not resolve, which is named as a property.
    /// </remarks>
    public void CheckNamed(OperationAnalysisContext context, string name, ISymbol? target, IOperation? value, bool isConstant)
    {
        if (value is null)
        {
            return;
        }

        var tree = For(context.Options, value.Syntax.SyntaxTree);
        if (tree.Vocabulary.Match(name) is not { } what || !ConstantText.TryResolve(value, out var text))
        {
            return;
        }

        if (!SecretValues.IsPlaceholder(text.Value, tree.Vocabulary) && !SecretValues.IsSettingName(text.Value, name, isConstant, tree.Vocabulary))
        {
            Report(context, tree, text, what, target is null ? $"property '{name}'" : CredentialTargets.Describe(target), target);
        }
    }

    internal sealed class TreeSettings
    {
        public TreeSettings(CredentialVocabulary vocabulary, ImmutableArray<ApiName> methods)
        {
            Vocabulary = vocabulary;
            Methods = methods;
        }

        public CredentialVocabulary Vocabulary { get; }

        /// <summary>The <c>credential_methods</c> option.</summary>
        public ImmutableArray<ApiName> Methods { get; }
    }
}
