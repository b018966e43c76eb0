using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Engine.Results;

/// <summary>
/// The packed results of one rule, in the order added, in small blocks of a <see cref="BlockStore"/>. It also notes
/// where the order (artifact, then evidence key) starts again from a smaller key: results of several targets come
/// target after target, and those runs are merged when the list is built.
/// </summary>
internal sealed class RuleResults
{
    /// <summary>
    /// Records per block: reading one result decodes its block, so this bounds the cost of a lookup by index, and a
    /// block decoded whole serves the next reads of a walk in order.
    /// </summary>
    public const int RecordsPerBlock = 128;

    private readonly BlockStore _store;
    private readonly SharedStrings _strings;
    private readonly List<(int BlockId, int First)> _blocks = [];
    private readonly RecordWriter _open = new();
    private int _openCount;
    private string _previousArtifact = "";
    private string? _lastArtifact;
    private string _lastKey = "";

    public RuleResults(RuleDefinition rule, BlockStore store, SharedStrings strings)
    {
        Rule = rule;
        _store = store;
        _strings = strings;
    }

    public RuleDefinition Rule { get; }

    public int Count { get; private set; }

    /// <summary>Where each run in order starts; a single run means the results are already sorted.</summary>
    public List<int> RunStarts { get; } = [];

    public int BlockCount => _blocks.Count;

    public void Add(CheckResult result)
    {
        if (_lastArtifact is null || Compare(result.Artifact, result.EvidenceKey, _lastArtifact, _lastKey) < 0)
        {
            RunStarts.Add(Count);
        }

        _lastArtifact = result.Artifact;
        _lastKey = result.EvidenceKey;
        ResultCodec.Encode(result, _previousArtifact, _open, _strings);
        _previousArtifact = result.Artifact;
        _openCount++;
        Count++;
        if (_openCount == RecordsPerBlock)
        {
            Seal();
        }
    }

    /// <summary>Stores the block being filled; called when it is full and once adding is over.</summary>
    public void Seal()
    {
        if (_openCount == 0)
        {
            return;
        }

        _blocks.Add((_store.Add(_open.Written), Count - _openCount));
        _open.Reset();
        _openCount = 0;
        _previousArtifact = "";
    }

    /// <summary>The block holding result <paramref name="index"/>.</summary>
    public int BlockOf(int index)
    {
        var lo = 0;
        var hi = _blocks.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_blocks[mid].First <= index)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    public int FirstOf(int block) => _blocks[block].First;

    /// <summary>Every result of a sealed block, decoded.</summary>
    public CheckResult[] ReadBlock(int block, ResultText text)
    {
        var (id, first) = _blocks[block];
        var count = (block + 1 < _blocks.Count ? _blocks[block + 1].First : Count) - first;
        var reader = new RecordReader(_store.Get(id));
        var results = new CheckResult[count];
        var previous = "";
        for (var i = 0; i < count; i++)
        {
            results[i] = ResultCodec.Decode(ref reader, Rule, previous, _strings, text);
            previous = results[i].Artifact;
        }

        return results;
    }

    /// <summary>Gives the blocks back to the store (after a merge into another list).</summary>
    public void Release()
    {
        foreach (var (id, _) in _blocks)
        {
            _store.Free(id);
        }

        _blocks.Clear();
        Count = 0;
    }

    /// <summary>The report order within one rule: artifact path, then evidence key, both ordinal.</summary>
    public static int Compare(string artifact, string key, string otherArtifact, string otherKey)
    {
        var c = string.CompareOrdinal(artifact, otherArtifact);
        return c != 0 ? c : string.CompareOrdinal(key, otherKey);
    }
}
