using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>Calls: sources, verifiers, sinks and how a call moves taint between its receiver, arguments and result.</summary>
internal sealed partial class TaintWalker
{
    private ulong EvalCall(IOperation operation, CallSite site)
    {
        var arguments = ArgumentValues(operation, site);
        var argumentTaint = new ulong[arguments.Length];
        ulong receiverTaint = 0;
        IOperation? receiver = null;
        foreach (var child in operation.ChildOperations)
        {
            var taint = Eval(child);
            var value = child is IArgumentOperation argument ? argument.Value : child;
            var index = Array.IndexOf(arguments, value);
            if (index >= 0)
            {
                argumentTaint[index] |= taint;
            }
            else
            {
                receiverTaint |= taint;
                receiver ??= Receiver(value);
            }
        }

        var allArguments = argumentTaint.Aggregate(0UL, (a, b) => a | b);
        var apis = _region.Apis;
        if (apis.MatchValueSource(site) is { } source)
        {
            return Source(operation, source);
        }

        if (UpdateApis.MatchBufferSource(site) is { } bufferSource)
        {
            WriteInto(arguments.Length > 0 ? arguments[0] : null, Source(operation, bufferSource));
            return allArguments;
        }

        if (apis.MatchVerifier(site) is not null)
        {
            var verified = allArguments | receiverTaint;
            _region.RecordVerifier(operation, verified);
            if (verified != 0 && ThrowsOnFailure(operation))
            {
                State.Verified |= verified;
            }

            return 0;
        }

        CheckSinks(operation, site, arguments, argumentTaint, receiverTaint, receiver);
        return Propagate(operation, site, arguments, argumentTaint, receiverTaint, receiver);
    }

    private void CheckSinks(IOperation operation, CallSite site, IOperation?[] arguments, ulong[] argumentTaint, ulong receiverTaint, IOperation? receiver)
    {
        foreach (var (rule, display) in _region.Apis.MatchSinks(site))
        {
            if (rule.RawAssemblyOnly && operation is IInvocationOperation { TargetMethod.Parameters: var parameters }
                && !(parameters.Length > 0 && parameters[0].Type is IArrayTypeSymbol))
            {
                continue;
            }

            if (rule.PathArgument >= 0
                && !(rule.PathArgument < arguments.Length && UpdateLocations.IsUpdateLocation(arguments[rule.PathArgument], _region.Facts)))
            {
                continue;
            }

            var data = rule.DataArgument < 0 ? argumentTaint.Aggregate(0UL, (a, b) => a | b)
                : rule.DataArgument < argumentTaint.Length ? argumentTaint[rule.DataArgument] : 0;
            Hit(operation, data, display);
        }

        if (argumentTaint.Length > 0 && UpdateApiTables.StreamWrites.Contains(site.Member) && _region.Facts.IsUpdateStream(receiver))
        {
            Hit(operation, argumentTaint[0], StreamDisplay(site));
        }

        if (arguments.Length > 0 && UpdateApiTables.StreamCopies.Contains(site.Member) && _region.Facts.IsUpdateStream(arguments[0]))
        {
            Hit(operation, receiverTaint, StreamDisplay(site));
        }
    }

    private ulong Propagate(IOperation operation, CallSite site, IOperation?[] arguments, ulong[] argumentTaint, ulong receiverTaint, IOperation? receiver)
    {
        if (UpdateApiTables.LocalStorageTypes.Contains(site.Type))
        {
            // File.ReadAllBytes(Path.Combine(dir, manifest.Name)): a downloaded name picks a local file; its content is
            // not the download. Writes of downloaded data to update locations are sinks of their own.
            return receiverTaint;
        }

        var allArguments = argumentTaint.Aggregate(0UL, (a, b) => a | b);
        var member = site.Member;
        var first = arguments.Length > 0 ? arguments[0] : null;
        if (receiverTaint != 0 && first is not null)
        {
            if ((member.StartsWith("Read", StringComparison.Ordinal) || member.StartsWith("Receive", StringComparison.Ordinal)) && IsBuffer(first))
            {
                // stream.Read(buffer, 0, n): the data lands in the buffer; the result is a count.
                WriteInto(first, receiverTaint);
                return allArguments;
            }

            if (member is "CopyTo" or "CopyToAsync" or "TryCopyTo")
            {
                WriteInto(first, receiverTaint);
            }
        }

        if (site.Type is "Array" or "Buffer" && member is "Copy" or "BlockCopy" or "ConstrainedCopy" && argumentTaint.Length >= 3 && argumentTaint[0] != 0)
        {
            WriteInto(arguments[argumentTaint.Length >= 5 ? 2 : 1], argumentTaint[0]);
        }

        if (allArguments != 0)
        {
            WriteInto(receiver, allArguments);
            if (operation is IInvocationOperation invocation)
            {
                foreach (var argument in invocation.Arguments.Where(a => a.Parameter is { } p && (p.RefKind is RefKind.Out or RefKind.Ref || IsWritableView(p.Type))))
                {
                    WriteInto(argument.Value, allArguments);
                }
            }
        }

        return allArguments | receiverTaint;
    }

    private void Hit(IOperation operation, ulong data, string sink)
    {
        if (data != 0)
        {
            _onSink?.Invoke(new SinkHit(operation, data & ~State.Verified, sink));
        }
    }

    /// <summary>An unbound call on a receiver of unknown type names the variable where the type should be.</summary>
    private static string StreamDisplay(CallSite site) =>
        site.Method is not null || site.ReceiverType is { Name.Length: > 0 } ? UpdateApis.Display(site) : "Stream." + site.Member;

    /// <summary>The argument values by parameter position for a bound call, in source order otherwise.</summary>
    private static IOperation?[] ArgumentValues(IOperation operation, CallSite site)
    {
        var bound = operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => default,
        };
        return bound.IsDefault
            ? [.. site.Arguments]
            : [.. bound.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue).Select(a => a.Value)];
    }

    /// <summary>The receiver of an unbound call sits under a member-access node of no particular kind.</summary>
    private static IOperation? Receiver(IOperation? operation)
    {
        while (operation is { Kind: OperationKind.None } && operation.ChildOperations.Count == 1)
        {
            operation = operation.ChildOperations.First();
        }

        return operation is { Kind: OperationKind.None } ? null : operation;
    }

    /// <summary>
    /// A verifier whose outcome is not tested counts only when it throws on failure: it returns nothing (CheckSignature,
    /// a void helper) and its call is a statement. An unbound call used as a statement is taken as such a verifier.
    /// </summary>
    private static bool ThrowsOnFailure(IOperation call)
    {
        var parent = call.Parent;
        while (parent is IAwaitOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not null and not IExpressionStatementOperation)
        {
            return false;
        }

        return call is not IInvocationOperation invocation
            || invocation.TargetMethod.ReturnsVoid
            || invocation.TargetMethod.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false };
    }

    private static bool IsBuffer(IOperation operation) => operation.Type switch
    {
        null => true,
        IArrayTypeSymbol => true,
        { TypeKind: TypeKind.Error } => true,
        var type => type.Name is "Span" or "Memory" or "ArraySegment",
    };

    private static bool IsWritableView(ITypeSymbol type) => type.Name is "Span" or "Memory";
}
