using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Credentials;

/// <summary>One argument written in a call, with its parameter when the call bound.</summary>
internal readonly struct CallArgument
{
    private CallArgument(IOperation value, IParameterSymbol? parameter, int position)
    {
        Value = value;
        Parameter = parameter;
        Position = position;
    }

    public IOperation Value { get; }

    public IParameterSymbol? Parameter { get; }

    /// <summary>The index among the arguments written in the parentheses (an extension method's receiver is not one).</summary>
    public int Position { get; }

    /// <summary>The name given in the source (<c>password: "x"</c>): all an unbound call tells about its parameters.</summary>
    public string? WrittenName => (Value.Syntax.Parent as ArgumentSyntax)?.NameColon?.Name.Identifier.ValueText;

    /// <summary>The arguments written in a call's parentheses, in source order; defaults filled in by the compiler are not.</summary>
    public static ImmutableArray<CallArgument> Of(IOperation call, CallSite site)
    {
        var bound = call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => default,
        };

        var result = ImmutableArray.CreateBuilder<CallArgument>();
        if (bound.IsDefault)
        {
            for (var i = 0; i < site.Arguments.Length; i++)
            {
                result.Add(new CallArgument(site.Arguments[i], null, i));
            }

            return result.ToImmutable();
        }

        // A collection initializer's { "key", "value" } has arguments but no ArgumentSyntax; an extension method's
        // receiver is an argument too, written before the parentheses.
        var extension = site.Method?.IsExtensionMethod == true;
        var written = bound
            .Where(a => a.ArgumentKind == ArgumentKind.Explicit && !(extension && a.Parameter?.Ordinal == 0 && a.Syntax is not ArgumentSyntax))
            .OrderBy(a => a.Syntax.SpanStart)
            .ToList();
        for (var i = 0; i < written.Count; i++)
        {
            result.Add(new CallArgument(written[i].Value, written[i].Parameter, i));
        }

        return result.ToImmutable();
    }
}
