namespace ComplianceAuditor.Analyzers.Update;

/// <summary>
/// The data-flow state at one point of a region. Taint is a may-fact: which origins (network reads, one bit each)
/// a variable's value may come from, joined by union. Verification is a must-fact: the origins verified on every path
/// to this point, joined by intersection, together with the bool variables that hold a verifier's outcome.
/// </summary>
internal sealed class TaintState
{
    private readonly Dictionary<object, ulong> _taint;
    private readonly Dictionary<object, VerifierOutcome> _facts;

    private TaintState(Dictionary<object, ulong> taint, ulong verified, Dictionary<object, VerifierOutcome> facts)
    {
        _taint = taint;
        Verified = verified;
        _facts = facts;
    }

    /// <summary>The origins verified on every path here.</summary>
    public ulong Verified { get; set; }

    public static TaintState Empty() => new(new(EntityComparer.Instance), 0, new(EntityComparer.Instance));

    public TaintState Clone() => new(new(_taint, EntityComparer.Instance), Verified, new(_facts, EntityComparer.Instance));

    /// <summary>This state's taint with <paramref name="verification"/>'s verified origins and outcomes.</summary>
    public TaintState WithVerificationOf(TaintState verification) =>
        new(new(_taint, EntityComparer.Instance), verification.Verified, new(verification._facts, EntityComparer.Instance));

    public ulong TaintOf(object key) => _taint.TryGetValue(key, out var bits) ? bits : 0;

    /// <summary>A strong update: the variable now holds exactly <paramref name="bits"/>.</summary>
    public void SetTaint(object key, ulong bits)
    {
        if (bits == 0)
        {
            _taint.Remove(key);
        }
        else
        {
            _taint[key] = bits;
        }
    }

    /// <summary>A weak update: data was written into part of the variable (a buffer, a stream).</summary>
    public void AddTaint(object key, ulong bits) => SetTaint(key, TaintOf(key) | bits);

    public VerifierOutcome? FactOf(object key) => _facts.TryGetValue(key, out var outcome) ? outcome : null;

    public void SetFact(object key, VerifierOutcome? outcome)
    {
        if (outcome is { IsEmpty: false } value)
        {
            _facts[key] = value;
        }
        else
        {
            _facts.Remove(key);
        }
    }

    /// <summary>A source ran again: what it returns now is new data, not the data verified before.</summary>
    public void Kill(ulong origins)
    {
        Verified &= ~origins;
        foreach (var key in _facts.Where(f => f.Value.Mentions(origins)).Select(f => f.Key).ToList())
        {
            _facts.Remove(key);
        }
    }

    /// <summary>The taint join (may): null states are paths not reached yet and are left out.</summary>
    public static TaintState? UnionOfTaint(IEnumerable<TaintState?> states)
    {
        TaintState? result = null;
        foreach (var state in states)
        {
            if (state is null)
            {
                continue;
            }

            result ??= Empty();
            foreach (var pair in state._taint)
            {
                result.AddTaint(pair.Key, pair.Value);
            }
        }

        return result;
    }

    /// <summary>The verification join (must): an origin or outcome survives only when every reached path has it.</summary>
    public static TaintState? MeetOfVerification(IEnumerable<TaintState?> states)
    {
        TaintState? result = null;
        foreach (var state in states)
        {
            if (state is null)
            {
                continue;
            }

            if (result is null)
            {
                result = new(new(EntityComparer.Instance), state.Verified, new(state._facts, EntityComparer.Instance));
                continue;
            }

            result.Verified &= state.Verified;
            foreach (var pair in result._facts.ToList())
            {
                result.SetFact(pair.Key, state.FactOf(pair.Key) is { } other ? pair.Value.Meet(other) : null);
            }
        }

        return result;
    }

    public bool SameTaint(TaintState? other) =>
        other is not null && other._taint.Count == _taint.Count && _taint.All(p => other.TaintOf(p.Key) == p.Value);

    public bool SameVerification(TaintState? other) =>
        other is not null && other.Verified == Verified && other._facts.Count == _facts.Count
        && _facts.All(p => other.FactOf(p.Key) is { } o && o.Equals(p.Value));
}

/// <summary>
/// What a bool value says about verification: when it is true, <see cref="WhenTrue"/> origins are verified; when it is
/// false, <see cref="WhenFalse"/> ones. A constant says everything about the branch it never takes, which keeps
/// <c>ok = sig != null &amp;&amp; rsa.VerifyData(...)</c> precise where its two paths join.
/// </summary>
internal readonly struct VerifierOutcome : IEquatable<VerifierOutcome>
{
    public VerifierOutcome(ulong whenTrue, ulong whenFalse)
    {
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
    }

    public ulong WhenTrue { get; }

    public ulong WhenFalse { get; }

    public bool IsEmpty => WhenTrue == 0 && WhenFalse == 0;

    public VerifierOutcome Negate() => new(WhenFalse, WhenTrue);

    public VerifierOutcome With(ulong verified) => new(WhenTrue | verified, WhenFalse | verified);

    public VerifierOutcome Meet(VerifierOutcome other) => new(WhenTrue & other.WhenTrue, WhenFalse & other.WhenFalse);

    public bool Mentions(ulong origins) => ((WhenTrue | WhenFalse) & origins) != 0;

    public bool Equals(VerifierOutcome other) => WhenTrue == other.WhenTrue && WhenFalse == other.WhenFalse;

    public override bool Equals(object? obj) => obj is VerifierOutcome other && Equals(other);

    public override int GetHashCode() => WhenTrue.GetHashCode() ^ (WhenFalse.GetHashCode() * 31);
}
