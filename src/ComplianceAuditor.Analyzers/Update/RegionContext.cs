using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// Everything one region's analysis shares across its passes: the APIs in force, the region's flow-insensitive facts,
/// the origins (one bit per network read in the region's code) and the verifier calls seen with what they verify.
/// </summary>
internal sealed class RegionContext
{
    /// <summary>Origins get one bit each; a region with more network reads than that shares the last bit among them.</summary>
    private const int MaxOrigins = 64;

    private readonly Dictionary<object, int> _origins = [];
    private readonly List<string> _originNames = [];
    private readonly Dictionary<IOperation, ulong> _verifierCalls = [];
    private readonly ImmutableDictionary<IParameterSymbol, string> _assumedTypes;

    public RegionContext(
        UpdateApis apis, ControlFlowGraph graph, SemanticModel model, ImmutableDictionary<IParameterSymbol, string> assumedTypes,
        CancellationToken cancellationToken)
    {
        Apis = apis;
        Model = model;
        Facts = new RegionFacts(graph, model);
        _assumedTypes = assumedTypes;
        CancellationToken = cancellationToken;
    }

    public UpdateApis Apis { get; }

    /// <summary>The model of the region's tree: the graph's operations have none, and unbound calls need one.</summary>
    public SemanticModel Model { get; }

    public RegionFacts Facts { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// The bit of a network read, named for the message: <paramref name="source"/> is the call that reads, or the text of
    /// a property path (<c>e.ApplicationMessage.Payload</c>), which yields the same message however often it is read.
    /// </summary>
    public ulong Origin(object source, string name)
    {
        if (!_origins.TryGetValue(source, out var index))
        {
            index = Math.Min(_originNames.Count, MaxOrigins - 1);
            _origins[source] = index;
            if (index == _originNames.Count)
            {
                _originNames.Add(name);
            }
        }

        return 1UL << index;
    }

    /// <summary>The name of the first network read among <paramref name="origins"/>.</summary>
    public string OriginName(ulong origins)
    {
        for (var i = 0; i < _originNames.Count; i++)
        {
            if ((origins & (1UL << i)) != 0)
            {
                return _originNames[i];
            }
        }

        return "a network read";
    }

    public void RecordVerifier(IOperation call, ulong origins) => _verifierCalls[call] = origins;

    /// <summary>The origins the verifier call <paramref name="operation"/> checks; 0 when it is no verifier call.</summary>
    public ulong VerifierOrigins(IOperation operation) => _verifierCalls.TryGetValue(operation, out var origins) ? origins : 0;

    /// <summary>The type a handler lambda's parameter is known to have by the event it handles, when the compiler does not know.</summary>
    public string? AssumedTypeOf(IParameterSymbol parameter) => _assumedTypes.TryGetValue(parameter, out var type) ? type : null;
}
