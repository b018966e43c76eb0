using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// The sources, sinks and verifiers in force for one syntax tree: the defaults plus that tree's .editorconfig options.
/// Matching goes through <see cref="ApiName"/> and <see cref="CallSite"/>, so a call on an unresolved platform type
/// still matches on the names as written.
/// </summary>
internal sealed class UpdateApis
{
    private static readonly ImmutableHashSet<string> DefaultSinkNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Load", "LoadFromStream", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllText", "WriteAllTextAsync", "Write", "WriteAsync", "WriteByte",
        "CopyTo", "CopyToAsync");

    private readonly ImmutableArray<ApiName> _valueSources;
    private readonly ImmutableArray<ApiName> _verifiers;
    private readonly ImmutableArray<UpdateSinkRule> _sinks;

    // Where the file names a source or a sink; null when a configured wildcard can be any word.
    private readonly int[]? _sourcePositions;
    private readonly int[]? _sinkPositions;

    private UpdateApis(SyntaxTree tree, ImmutableArray<ApiName> extraSources, ImmutableArray<ApiName> extraSinks, ImmutableArray<ApiName> extraVerifiers)
    {
        _valueSources = UpdateApiTables.ValueSources.AddRange(extraSources);
        _verifiers = UpdateApiTables.Verifiers.AddRange(extraVerifiers);
        _sinks = UpdateApiTables.Sinks.AddRange(extraSinks.Select(UpdateSinkRule.AnyArgument));

        var sourceNames = UpdateApiTables.ValueSources.Concat(UpdateApiTables.BufferSources).Concat(UpdateApiTables.PropertySources)
            .Concat(extraSources).Select(PrefilterName).ToList();
        var sinkNames = DefaultSinkNames.Concat(extraSinks.Select(PrefilterName)).ToList();
        var hints = UpdateApiTables.CommonSourceMembers.Values.SelectMany(h => h);
        var names = new NamePositions(tree.GetText().ToString(), sourceNames.Concat(sinkNames).Concat(hints));

        // A common member name (Read) counts only in a file that also mentions its type (NetworkStream).
        var counted = sourceNames.Where(n => extraSources.Any(s => PrefilterName(s) == n)
            || !UpdateApiTables.CommonSourceMembers.TryGetValue(n, out var typeHints) || typeHints.Any(names.Mentions));
        _sourcePositions = extraSources.Any(IsWildcard) ? null : names.Of(counted);
        _sinkPositions = extraSinks.Any(IsWildcard) ? null : names.Of(sinkNames);
    }

    public static UpdateApis Create(AnalyzerOptions options, SyntaxTree tree) => new(
        tree,
        OptionValues.ApiNames(options, tree, OptionKeys.UpdateSources),
        OptionValues.ApiNames(options, tree, OptionKeys.UpdateSinks),
        OptionValues.ApiNames(options, tree, OptionKeys.UpdateVerifiers));

    /// <summary>
    /// A cheap test run before a control-flow graph is built: the code of <paramref name="node"/> (of this tree) must
    /// name both a source and a sink.
    /// </summary>
    public bool MayContainFlow(SyntaxNode node) =>
        (_sourcePositions is null || NamePositions.AnyIn(_sourcePositions, node.Span))
        && (_sinkPositions is null || NamePositions.AnyIn(_sinkPositions, node.Span));

    /// <summary>The display name of the value source <paramref name="site"/> calls, or null.</summary>
    public string? MatchValueSource(in CallSite site) => Match(_valueSources, site, allowDistinctive: true);

    public static string? MatchBufferSource(in CallSite site) => Match(UpdateApiTables.BufferSources, site, allowDistinctive: false);

    /// <summary>The display name of the verifier <paramref name="site"/> calls, or null.</summary>
    public string? MatchVerifier(in CallSite site)
    {
        if (Match(_verifiers, site, allowDistinctive: false) is { } listed)
        {
            return listed;
        }

        var member = site.Member;
        return UpdateApiTables.VerifierNameParts.Any(p => member.IndexOf(p, StringComparison.OrdinalIgnoreCase) >= 0) ? Display(site) : null;
    }

    public IEnumerable<(UpdateSinkRule Rule, string Display)> MatchSinks(CallSite site)
    {
        foreach (var rule in _sinks)
        {
            if (rule.Api.Matches(site))
            {
                yield return (rule, Display(rule.Api, site.Member));
            }
        }
    }

    /// <summary>A property read that yields a received MQTT message, for a bound property.</summary>
    public static string? MatchPropertySource(IPropertySymbol property, ITypeSymbol? instanceType)
    {
        foreach (var api in UpdateApiTables.PropertySources)
        {
            if (string.Equals(api.Member, property.Name, StringComparison.Ordinal)
                && (api.MatchesType(property.ContainingType) || api.MatchesType(instanceType)))
            {
                return Display(api, api.Member);
            }
        }

        return null;
    }

    /// <summary>
    /// The same for a member access the compiler could not bind: <paramref name="receiverType"/> is the receiver's
    /// type name when known (an unresolved type keeps its name), else the receiver's last identifier is compared with
    /// the end of the type name (<c>e.ApplicationMessage.Payload</c> reads <c>MqttApplicationMessage.Payload</c>).
    /// </summary>
    public static string? MatchUnboundPropertySource(string member, string? receiverType, string? receiverIdentifier)
    {
        foreach (var api in UpdateApiTables.PropertySources)
        {
            if (!string.Equals(api.Member, member, StringComparison.Ordinal))
            {
                continue;
            }

            var typeMatches = receiverType is { Length: > 0 }
                ? string.Equals(receiverType, api.Type, StringComparison.Ordinal)
                : receiverIdentifier is { Length: >= 4 } && api.Type.EndsWith(receiverIdentifier, StringComparison.OrdinalIgnoreCase);
            if (typeMatches)
            {
                return Display(api, member);
            }
        }

        return null;
    }

    private static string? Match(ImmutableArray<ApiName> apis, in CallSite site, bool allowDistinctive)
    {
        foreach (var api in apis)
        {
            if (api.Matches(site))
            {
                return Display(api, site.Member);
            }
        }

        if (allowDistinctive && site.Method is null && (site.ReceiverType is null || site.ReceiverType.TypeKind == TypeKind.Error)
            && UpdateApiTables.DistinctiveSourceMembers.Contains(site.Member))
        {
            var member = site.Member;
            return apis.Where(a => string.Equals(a.Member, member, StringComparison.Ordinal)).Select(a => Display(a, member)).FirstOrDefault();
        }

        return null;
    }

    internal static string Display(in CallSite site) =>
        site.Member == ".ctor" ? "new " + site.Type : site.Type.Length > 0 ? site.Type + "." + site.Member : site.Member;

    private static string Display(ApiName api, string member) => member == ".ctor" ? "new " + api.Type : api.Type + "." + member;

    private static bool IsWildcard(ApiName api) => api.Member.EndsWith("*", StringComparison.Ordinal);

    private static string PrefilterName(ApiName api) => api.Member == ".ctor" ? api.Type : api.Member;
}
