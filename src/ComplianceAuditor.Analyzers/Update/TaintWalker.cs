using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// The transfer function: evaluates a basic block's operations in execution order (children before their parent,
/// arguments left to right) against a <see cref="TaintState"/>, and reports each sink it reaches with the origins its
/// data carries. Propagation rules, chosen to follow data, not control:
/// <list type="bullet">
/// <item>assignments copy a value's taint to locals, parameters, captures and this object's fields and properties
/// (a strong update); a write into an array element or another object's member taints that array or object;</item>
/// <item>await, conversions and operators keep the taint of their operands;</item>
/// <item>a call's result carries the taint of its arguments and receiver (decompress, decode, <c>ms.ToArray()</c>);
/// a call with tainted arguments taints its receiver (<c>ms.Write(data)</c>, <c>signer.BlockUpdate(data)</c>) and its
/// span, memory, out and ref arguments (the destination of a decode);</item>
/// <item>reading from a tainted stream (<c>Read*</c>, <c>Receive*</c>) taints the buffer argument, copying it
/// (<c>CopyTo</c>, <c>Array.Copy</c>, <c>Buffer.BlockCopy</c>) taints the destination;</item>
/// <item>a verifier's result is a bool, not data: it carries no taint.</item>
/// </list>
/// </summary>
internal sealed partial class TaintWalker
{
    private readonly RegionContext _region;
    private readonly Action<SinkHit>? _onSink;

    public TaintWalker(RegionContext region, TaintState state, Action<SinkHit>? onSink)
    {
        _region = region;
        State = state;
        _onSink = onSink;
    }

    public TaintState State { get; }

    public void Walk(BasicBlock block)
    {
        foreach (var operation in RegionFacts.Roots(block))
        {
            Eval(operation);
        }
    }

    private ulong Eval(IOperation? operation)
    {
        // Hostile code can nest operations arbitrarily deep: past what the stack holds, the analyzer stops with an
        // exception the compiler reports (AD0001) rather than taking the compiler down with a stack overflow.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (operation)
        {
            case null:
            case IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                // Lambdas and local functions are regions of their own.
                return 0;
            case ISimpleAssignmentOperation assignment:
            {
                EvalTargetParts(assignment.Target);
                var value = Eval(assignment.Value);
                Assign(assignment.Target, value);
                if (WholeVariable(assignment.Target) is { } variable)
                {
                    State.SetFact(variable, _region.Facts.IsWrittenElsewhere(variable) ? null : Outcome(assignment.Value));
                }

                return value;
            }

            case ICompoundAssignmentOperation compound:
            {
                var value = Eval(compound.Target) | Eval(compound.Value);
                Assign(compound.Target, value);
                if (WholeVariable(compound.Target) is { } variable)
                {
                    State.SetFact(variable, null);
                }

                return value;
            }

            case IFlowCaptureOperation capture:
            {
                var value = Eval(capture.Value);
                State.SetTaint(capture.Id, value);
                State.SetFact(capture.Id, Outcome(capture.Value));
                return value;
            }

            case IFlowCaptureReferenceOperation reference:
                return State.TaintOf(reference.Id);
            case ILocalReferenceOperation local:
                return State.TaintOf(local.Local);
            case IParameterReferenceOperation parameter:
                return State.TaintOf(parameter.Parameter);
            case IFieldReferenceOperation field:
                return Eval(field.Instance) | (RegionFacts.IsOwn(field.Instance) ? State.TaintOf(field.Field) : 0);
            case IPropertyReferenceOperation property:
            {
                var taint = Eval(property.Instance) | EvalAll(property.Arguments);
                if (RegionFacts.IsOwn(property.Instance) && property.Arguments.IsEmpty)
                {
                    taint |= State.TaintOf(property.Property);
                }

                return UpdateApis.MatchPropertySource(property.Property, property.Instance?.Type) is { } source ? taint | PropertySource(property, source) : taint;
            }

            case IInvocationOperation or IObjectCreationOperation or IInvalidOperation when CallSite.TryCreate(operation, _region.Model, out var site):
                return EvalCall(operation, site);
            case IInvalidOperation invalid:
            {
                var taint = EvalAll(invalid.ChildOperations);
                return UnboundPropertySource(invalid) is { } source ? taint | PropertySource(invalid, source) : taint;
            }

            case IArrayCreationOperation array:
                // The size of a buffer is not its content.
                EvalAll(array.DimensionSizes);
                return Eval(array.Initializer);
            default:
                return EvalAll(operation.ChildOperations);
        }
    }

    private ulong EvalAll<T>(IEnumerable<T> operations)
        where T : IOperation
    {
        ulong taint = 0;
        foreach (var operation in operations)
        {
            taint |= Eval(operation);
        }

        return taint;
    }

    /// <summary>A network read ran: its data is new, whatever was verified of the previous read.</summary>
    private ulong Source(IOperation operation, string name)
    {
        var origin = _region.Origin(operation, name);
        State.Kill(origin);
        return origin;
    }

    /// <summary>
    /// What a bool assigned here says about verification. What is verified at the assignment stays verified while the
    /// variable holds the value (a new read of the same source removes the fact), so it is part of the outcome.
    /// </summary>
    private VerifierOutcome? Outcome(IOperation value)
    {
        var outcome = VerifierOutcomes.Of(value, State, _region);
        return value.Type?.SpecialType == SpecialType.System_Boolean && State.Verified != 0
            ? (outcome ?? new VerifierOutcome(0, 0)).With(State.Verified)
            : outcome;
    }

    /// <summary>A received message's payload: reading it again yields the same data, so it keeps its origin and verification.</summary>
    private ulong PropertySource(IOperation operation, string name) =>
        _region.Origin(string.Concat(operation.Syntax.ToString().Where(c => !char.IsWhiteSpace(c))), name);

    private void EvalTargetParts(IOperation target)
    {
        switch (target)
        {
            case IArrayElementReferenceOperation element:
                EvalAll(element.Indices);
                break;
            case IPropertyReferenceOperation property:
                Eval(property.Instance);
                EvalAll(property.Arguments);
                break;
            case IFieldReferenceOperation field:
                Eval(field.Instance);
                break;
        }
    }

    private void Assign(IOperation target, ulong value)
    {
        if (WholeVariable(target) is { } variable)
        {
            State.SetTaint(variable, value);
        }
        else
        {
            WriteInto(target, value);
        }
    }

    /// <summary>A weak update of the variable behind <paramref name="target"/> (and of the capture that copied it).</summary>
    private void WriteInto(IOperation? target, ulong value)
    {
        if (value == 0 || target is null)
        {
            return;
        }

        if (_region.Facts.WriteTarget(target) is { } variable)
        {
            State.AddTaint(variable, value);
        }

        if (RegionFacts.EntityOf(target) is CaptureId capture)
        {
            State.AddTaint(capture, value);
        }
    }

    /// <summary>The variable an assignment replaces as a whole; null for an element or another object's member.</summary>
    private static object? WholeVariable(IOperation target) => target switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation or IDeclarationExpressionOperation => RegionFacts.EntityOf(target),
        IFieldReferenceOperation field when RegionFacts.IsOwn(field.Instance) => field.Field,
        IPropertyReferenceOperation property when RegionFacts.IsOwn(property.Instance) && property.Arguments.IsEmpty => property.Property,
        _ => null,
    };

    /// <summary>A member access the compiler could not bind that reads an MQTT payload (<c>e.ApplicationMessage.Payload</c>).</summary>
    private string? UnboundPropertySource(IInvalidOperation invalid)
    {
        if (invalid.Syntax is not MemberAccessExpressionSyntax access
            || (access.Parent is InvocationExpressionSyntax call && call.Expression == access))
        {
            return null;
        }

        var receiver = invalid.ChildOperations.FirstOrDefault();
        var typeName = receiver?.Type is { Name.Length: > 0 } type ? type.Name
            : receiver is IParameterReferenceOperation parameter ? _region.AssumedTypeOf(parameter.Parameter) : null;
        var identifier = access.Expression switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };
        return UpdateApis.MatchUnboundPropertySource(access.Name.Identifier.ValueText, typeName, identifier);
    }
}

/// <summary>A sink reached with downloaded data: <see cref="Unverified"/> are the origins not verified on every path.</summary>
internal readonly struct SinkHit
{
    public SinkHit(IOperation operation, ulong unverified, string sink)
    {
        Operation = operation;
        Unverified = unverified;
        Sink = sink;
    }

    public IOperation Operation { get; }

    public ulong Unverified { get; }

    public string Sink { get; }
}
