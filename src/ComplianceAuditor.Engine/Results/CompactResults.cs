using System.Collections;
using ComplianceAuditor.Core.Collections;
using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Engine.Results;

/// <summary>
/// An audit's results, packed, in report order (rule id, artifact path, evidence key, all ordinal), made back into
/// <see cref="CheckResult"/> objects when read. As objects a large tree's results took more memory than everything
/// else together (hundreds of thousands of them, 70 bytes each before their strings); packed they take a few dozen
/// bytes each, in a store that can keep them on disk.
/// </summary>
/// <remarks>
/// Read-only once built and safe to read from several threads. Results are made from their records when read; the
/// block last decoded is kept, so a walk in order decodes each block once (and two reads of one result in it give the
/// same object, which is immutable).
/// </remarks>
internal sealed class CompactResults : IReadOnlyList<CheckResult>
{
    private readonly RuleResults[] _rules;
    private readonly PartStarts _starts;
    private readonly ResultText _text;
    private Decoded? _last;

    private CompactResults(RuleResults[] rules, ResultText text)
    {
        _rules = rules;
        _text = text;
        _starts = new PartStarts(rules.Select(r => r.Count));
    }

    public int Count => _starts.Count;

    public CheckResult this[int index]
    {
        get
        {
            var rule = _starts.PartOf(index);
            var stream = _rules[rule];
            var local = index - _starts.StartOf(rule);
            var last = _last;
            if (last is null || last.Rule != rule || local < last.First || local >= last.First + last.Results.Length)
            {
                var block = stream.BlockOf(local);
                last = new Decoded(rule, stream.FirstOf(block), stream.ReadBlock(block, _text));
                _last = last;
            }

            return last.Results[local - last.First];
        }
    }

    public IEnumerator<CheckResult> GetEnumerator()
    {
        // Block by block, without the shared cache: two walks at once do not undo each other's decoding.
        foreach (var stream in _rules)
        {
            for (var block = 0; block < stream.BlockCount; block++)
            {
                foreach (var result in stream.ReadBlock(block, _text))
                {
                    yield return result;
                }
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed record Decoded(int Rule, int First, CheckResult[] Results);

    /// <summary>
    /// Packs results as they come, rule by rule. Any order gives the list in report order: each stretch already in
    /// order is a run, and the runs are merged when the list is built. The engine's order (artifacts in path order,
    /// target after target) makes one run per target. Not thread-safe.
    /// </summary>
    public sealed class Builder
    {
        private readonly BlockStore _store;
        private readonly ResultText _text;
        private readonly SharedStrings _strings = new();
        private readonly RuleResults[] _rules;

        public Builder(IReadOnlyList<RuleDefinition> rules, BlockStore store, ResultText text)
        {
            _store = store;
            _text = text;
            _rules = rules.Select(r => new RuleResults(r, store, _strings)).ToArray();
        }

        /// <summary>Adds a result of rule number <paramref name="rule"/> (its position in the list given).</summary>
        public void Add(int rule, CheckResult result) => _rules[rule].Add(result);

        public CompactResults Build()
        {
            var built = new List<RuleResults>();
            foreach (var stream in _rules.Where(r => r.Count > 0).OrderBy(r => r.Rule.Id, StringComparer.Ordinal))
            {
                stream.Seal();
                built.Add(stream.RunStarts.Count > 1 ? Merge(stream) : stream);
            }

            _strings.Seal();
            return new CompactResults([.. built], _text);
        }

        /// <summary>
        /// The runs of one rule merged into report order, reading each run in order: several targets give one run
        /// each, so this holds one block per target, never all the results. Ties keep the order they were added in.
        /// </summary>
        private RuleResults Merge(RuleResults stream)
        {
            var merged = new RuleResults(stream.Rule, _store, _strings);
            var runs = stream.RunStarts;
            var cursors = new List<Cursor>();
            var queue = new PriorityQueue<int, (string Artifact, string Key, int Run)>(
                Comparer<(string Artifact, string Key, int Run)>.Create(static (a, b) =>
                {
                    var c = RuleResults.Compare(a.Artifact, a.Key, b.Artifact, b.Key);
                    return c != 0 ? c : a.Run.CompareTo(b.Run);
                }));
            for (var run = 0; run < runs.Count; run++)
            {
                var cursor = new Cursor(stream, _text, runs[run], run + 1 < runs.Count ? runs[run + 1] : stream.Count);
                cursors.Add(cursor);
                Enqueue(queue, cursor, run);
            }

            while (queue.TryDequeue(out var run, out _))
            {
                merged.Add(cursors[run].Current);
                cursors[run].Next();
                Enqueue(queue, cursors[run], run);
            }

            merged.Seal();
            stream.Release();
            return merged;
        }

        private static void Enqueue(PriorityQueue<int, (string, string, int)> queue, Cursor cursor, int run)
        {
            if (!cursor.Done)
            {
                queue.Enqueue(run, (cursor.Current.Artifact, cursor.Current.EvidenceKey, run));
            }
        }
    }

    /// <summary>Walks results <c>[start, end)</c> of one rule, one decoded block at a time.</summary>
    private sealed class Cursor
    {
        private readonly RuleResults _stream;
        private readonly ResultText _text;
        private readonly int _end;
        private int _position;
        private int _blockFirst;
        private CheckResult[] _block = [];

        public Cursor(RuleResults stream, ResultText text, int start, int end)
        {
            _stream = stream;
            _text = text;
            _end = end;
            _position = start;
            Load();
        }

        public bool Done => _position >= _end;

        public CheckResult Current => _block[_position - _blockFirst];

        public void Next()
        {
            _position++;
            if (!Done && _position - _blockFirst >= _block.Length)
            {
                Load();
            }
        }

        private void Load()
        {
            if (Done)
            {
                return;
            }

            var block = _stream.BlockOf(_position);
            _blockFirst = _stream.FirstOf(block);
            _block = _stream.ReadBlock(block, _text);
        }
    }
}
