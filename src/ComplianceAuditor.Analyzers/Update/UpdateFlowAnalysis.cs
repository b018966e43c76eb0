using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// The path analysis over one region's control-flow graph, in two forward passes over its basic blocks, each iterated
/// to a fixed point (bounded: the graph is finite, and a cap on the rounds guards against the unforeseen):
/// <list type="number">
/// <item>taint (may, joined by union): which origins each variable may hold at each block's entry;</item>
/// <item>verification (must, joined by intersection): which origins are verified on every path to each block. A
/// conditional branch on a verifier's outcome adds the verified origins only on the successor where it succeeded.</item>
/// </list>
/// A last pass replays every block with both and reports the sinks reached with unverified origins. A catch or finally
/// handler is entered from anywhere in its try block, so its entry state joins every state of that try block.
/// </summary>
internal static class UpdateFlowAnalysis
{
    private const int MaxRounds = 64;

    public static void Run(ControlFlowGraph graph, RegionContext region, Action<SinkHit> report)
    {
        var blocks = graph.Blocks;
        var handlerTry = blocks.Select(HandlerTryRange).ToArray();
        var taintIn = new TaintState?[blocks.Length];
        SolveTaint(blocks, handlerTry, taintIn, region);
        var verifiedIn = SolveVerification(blocks, handlerTry, taintIn, region);

        foreach (var block in blocks)
        {
            if (block.IsReachable && taintIn[block.Ordinal] is { } taint && verifiedIn[block.Ordinal] is { } verified)
            {
                new TaintWalker(region, taint.WithVerificationOf(verified), hit =>
                {
                    if (hit.Unverified != 0)
                    {
                        report(hit);
                    }
                }).Walk(block);
            }
        }
    }

    private static void SolveTaint(ImmutableArray<BasicBlock> blocks, (int First, int Last)?[] handlerTry, TaintState?[] taintIn, RegionContext region)
    {
        var taintOut = new TaintState?[blocks.Length];
        for (var (round, changed) = (0, true); changed && round < MaxRounds; round++)
        {
            region.CancellationToken.ThrowIfCancellationRequested();
            changed = false;
            foreach (var block in blocks.Where(b => b.IsReachable))
            {
                var i = block.Ordinal;
                var input = block.Kind == BasicBlockKind.Entry ? TaintState.Empty()
                    : TaintState.UnionOfTaint(block.Predecessors.Select(p => taintOut[p.Source.Ordinal])
                        .Concat(TryStates(handlerTry[i], taintIn, taintOut)));
                if (input is null)
                {
                    continue;
                }

                taintIn[i] = input;
                var walker = new TaintWalker(region, input.Clone(), null);
                walker.Walk(block);
                if (!walker.State.SameTaint(taintOut[i]))
                {
                    taintOut[i] = walker.State;
                    changed = true;
                }
            }
        }
    }

    private static TaintState?[] SolveVerification(
        ImmutableArray<BasicBlock> blocks, (int First, int Last)?[] handlerTry, TaintState?[] taintIn, RegionContext region)
    {
        var verifiedIn = new TaintState?[blocks.Length];
        var verifiedExit = new TaintState?[blocks.Length];
        var fallThrough = new TaintState?[blocks.Length];
        var conditional = new TaintState?[blocks.Length];
        for (var (round, changed) = (0, true); changed && round < MaxRounds; round++)
        {
            region.CancellationToken.ThrowIfCancellationRequested();
            changed = false;
            foreach (var block in blocks.Where(b => b.IsReachable))
            {
                var i = block.Ordinal;
                var input = block.Kind == BasicBlockKind.Entry ? TaintState.Empty()
                    : TaintState.MeetOfVerification(block.Predecessors
                        .Select(p => p.IsConditionalSuccessor ? conditional[p.Source.Ordinal] : fallThrough[p.Source.Ordinal])
                        .Concat(TryStates(handlerTry[i], verifiedIn, verifiedExit)));
                if (input is null || taintIn[i] is not { } taint)
                {
                    continue;
                }

                verifiedIn[i] = input;
                var walker = new TaintWalker(region, taint.WithVerificationOf(input), null);
                walker.Walk(block);
                var exit = walker.State;
                var (whenConditional, whenFallThrough) = Split(block, exit, region);
                changed |= !exit.SameVerification(verifiedExit[i]) || !whenConditional.SameVerification(conditional[i])
                    || !whenFallThrough.SameVerification(fallThrough[i]);
                (verifiedExit[i], conditional[i], fallThrough[i]) = (exit, whenConditional, whenFallThrough);
            }
        }

        return verifiedIn;
    }

    /// <summary>The states leaving a block on each edge: a branch on a verifier's outcome verifies on one side only.</summary>
    private static (TaintState Conditional, TaintState FallThrough) Split(BasicBlock block, TaintState exit, RegionContext region)
    {
        if (block.ConditionKind == ControlFlowConditionKind.None || VerifierOutcomes.Of(block.BranchValue, exit, region) is not { } outcome)
        {
            return (exit, exit);
        }

        var conditional = exit.Clone();
        var fallThrough = exit.Clone();
        var (onTrue, onFalse) = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? (conditional, fallThrough) : (fallThrough, conditional);
        onTrue.Verified |= outcome.WhenTrue;
        onFalse.Verified |= outcome.WhenFalse;
        return (conditional, fallThrough);
    }

    private static IEnumerable<TaintState?> TryStates((int First, int Last)? range, TaintState?[] entries, TaintState?[] exits)
    {
        if (range is not { } r)
        {
            yield break;
        }

        for (var i = r.First; i <= r.Last; i++)
        {
            yield return entries[i];
            yield return exits[i];
        }
    }

    /// <summary>For the first block of a catch, filter or finally handler (it has no predecessors), its try block's blocks.</summary>
    private static (int First, int Last)? HandlerTryRange(BasicBlock block)
    {
        if (block.Kind != BasicBlockKind.Block || !block.Predecessors.IsEmpty)
        {
            return null;
        }

        for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
        {
            if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler
                or ControlFlowRegionKind.Finally)
            {
                var parent = region.EnclosingRegion;
                while (parent is not null && parent.Kind is not (ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally))
                {
                    parent = parent.EnclosingRegion;
                }

                var tryRegion = parent?.NestedRegions.FirstOrDefault(r => r.Kind == ControlFlowRegionKind.Try);
                return tryRegion is null ? null : (tryRegion.FirstBlockOrdinal, tryRegion.LastBlockOrdinal);
            }
        }

        return null;
    }
}
