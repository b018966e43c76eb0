using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Engine;

/// <summary>
/// A kind of check (<c>check.kind</c> in a rule). Implementations are stateless; everything rule-specific is built
/// once by <see cref="Prepare"/>, which is also where parameters are validated.
/// </summary>
public interface ICheck
{
    string Kind { get; }

    CheckScope Scope { get; }

    /// <summary>Artifact kinds read when the rule does not say (<c>appliesTo.artifacts</c>). Empty for target checks.</summary>
    IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; }

    /// <summary>The <c>check.*</c> parameter names this kind understands; the verifier rejects any other.</summary>
    IReadOnlyCollection<string> Parameters { get; }

    /// <summary>Builds the rule's runnable form. Throws <see cref="CheckParameterException"/> on bad parameters.</summary>
    IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options);
}
