using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// With the MQTT client unresolved, a handler lambda's parameters have no type, so <c>e.Message</c> cannot be told
/// from any other Message. The event the lambda is added to still names the type of its arguments.
/// </summary>
internal static class MqttHandlers
{
    private static readonly ImmutableArray<(string Event, int Parameter, string Type)> Events = ImmutableArray.Create(
        ("MqttMsgPublishReceived", 1, "MqttMsgPublishEventArgs"),
        ("ApplicationMessageReceivedAsync", 0, "MqttApplicationMessageReceivedEventArgs"),
        ("ApplicationMessageReceived", 1, "MqttApplicationMessageReceivedEventArgs"));

    public static ImmutableDictionary<IParameterSymbol, string> AssumedParameterTypes(IFlowAnonymousFunctionOperation lambda)
    {
        if (lambda.Syntax.Parent is not AssignmentExpressionSyntax { Left: var left } assignment
            || !assignment.IsKind(SyntaxKind.AddAssignmentExpression))
        {
            return ImmutableDictionary<IParameterSymbol, string>.Empty;
        }

        var name = left is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText
            : left is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : "";
        var parameters = lambda.Symbol.Parameters;
        var builder = ImmutableDictionary.CreateBuilder<IParameterSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var (eventName, index, type) in Events)
        {
            if (string.Equals(eventName, name, StringComparison.Ordinal) && index < parameters.Length)
            {
                builder[parameters[index]] = type;
            }
        }

        return builder.ToImmutable();
    }
}
