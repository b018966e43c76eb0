namespace ComplianceAuditor.Core.Text;

/// <summary>
/// A glob compiled to a small nondeterministic automaton and run over a path in one pass, keeping the set of states
/// it can be in: time linear in the path for a given glob, whatever the path holds, and a few hundred bytes of
/// memory. Regular expressions did the job before, but the linear-time engine built about 200 KB of automaton
/// caches per glob (30 MB for the built-in rules), and the backtracking one can be made slow by a crafted path.
/// </summary>
/// <remarks>
/// Syntax, as <see cref="PathGlob"/> documents it: <c>*</c> is any run of characters but <c>/</c>, <c>?</c> one such
/// character; <c>**</c> as a whole path segment is any run of folders (<c>**/</c>) or, at the end, anything; elsewhere
/// it is a <c>*</c>; <c>{a,b}</c> is one of the alternatives, which may nest. Every other character stands for itself.
/// </remarks>
internal sealed class GlobAutomaton
{
    /// <summary>Braces nested deeper than this are refused: the parser recurses once per level.</summary>
    public const int MaxBraceDepth = 16;

    private readonly List<Node> _building = [];
    private readonly Node[] _nodes;
    private readonly int _start;

    private GlobAutomaton(string glob)
    {
        var at = 0;
        var (start, end) = Sequence(glob, ref at, depth: 0);
        var match = Add(new Node(Kind.Match));
        Patch(end, match);
        _start = start;
        _nodes = [.. _building];
        _building.Clear();
        _building.TrimExcess();
    }

    private enum Kind : byte
    {
        Char,
        NotSlash,
        AnyChar,
        Split,
        Empty,
        Match,
    }

    public static GlobAutomaton Compile(string glob) => new(glob);

    public bool IsMatch(string path)
    {
        var nodes = _nodes;
        var count = nodes.Length;
        Span<int> current = count <= 128 ? stackalloc int[count] : new int[count];
        Span<int> next = count <= 128 ? stackalloc int[count] : new int[count];
        Span<int> seen = count <= 128 ? stackalloc int[count] : new int[count];
        // A state can be pushed once per edge leading to it before it is marked seen: at most two edges per state.
        Span<int> pending = count <= 64 ? stackalloc int[(2 * count) + 1] : new int[(2 * count) + 1];
        seen.Clear();
        var generation = 1;
        var size = Close(_start, current, 0, seen, generation, pending);
        foreach (var c in path)
        {
            generation++;
            var nextSize = 0;
            for (var i = 0; i < size; i++)
            {
                ref readonly var node = ref nodes[current[i]];
                var moves = node.Kind switch
                {
                    Kind.Char => node.Char == c,
                    Kind.NotSlash => c != '/',
                    Kind.AnyChar => true,
                    _ => false,
                };
                if (moves)
                {
                    nextSize = Close(node.Out1, next, nextSize, seen, generation, pending);
                }
            }

            if (nextSize == 0)
            {
                return false;
            }

            var swap = current;
            current = next;
            next = swap;
            size = nextSize;
        }

        for (var i = 0; i < size; i++)
        {
            if (nodes[current[i]].Kind == Kind.Match)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds <paramref name="state"/> and every state reachable from it without reading a character.</summary>
    private int Close(int state, Span<int> set, int size, Span<int> seen, int generation, Span<int> pending)
    {
        var top = 0;
        pending[top++] = state;
        while (top > 0)
        {
            var s = pending[--top];
            if (seen[s] == generation)
            {
                continue;
            }

            seen[s] = generation;
            ref readonly var node = ref _nodes[s];
            switch (node.Kind)
            {
                case Kind.Split:
                    pending[top++] = node.Out2;
                    pending[top++] = node.Out1;
                    break;
                case Kind.Empty:
                    pending[top++] = node.Out1;
                    break;
                default:
                    set[size++] = s;
                    break;
            }
        }

        return size;
    }

    /// <summary>Parses glob characters up to the end, or to a ',' or '}' of the group being read.</summary>
    private (int Start, int End) Sequence(string glob, ref int at, int depth)
    {
        var start = Add(new Node(Kind.Empty));
        var last = start;
        while (at < glob.Length)
        {
            var c = glob[at];
            if (depth > 0 && c is ',' or '}')
            {
                break;
            }

            var (s, e) = Token(glob, ref at, depth);
            Patch(last, s);
            last = e;
        }

        return (start, last);
    }

    private (int Start, int End) Token(string glob, ref int at, int depth)
    {
        var c = glob[at];
        var doubled = c == '*' && at + 1 < glob.Length && glob[at + 1] == '*';
        var segmentStart = at == 0 || glob[at - 1] == '/';
        if (doubled && segmentStart && at + 2 < glob.Length && glob[at + 2] == '/')
        {
            at += 3;
            return Folders();
        }

        if (doubled && segmentStart && at + 2 == glob.Length)
        {
            at += 2;
            return Loop(Kind.AnyChar);
        }

        switch (c)
        {
            case '*':
                at += doubled ? 2 : 1;
                return Loop(Kind.NotSlash);
            case '?':
                at++;
                return Step(new Node(Kind.NotSlash));
            case '{' when depth >= MaxBraceDepth:
                throw new ArgumentException($"braces nested more than {MaxBraceDepth} deep in glob '{glob}'", nameof(glob));
            case '{':
                at++;
                return Group(glob, ref at, depth + 1);
            default:
                at++;
                return Step(new Node(Kind.Char, c));
        }
    }

    /// <summary>One character of the kind <paramref name="node"/> reads.</summary>
    private (int Start, int End) Step(Node node)
    {
        var s = Add(node);
        var e = Add(new Node(Kind.Empty));
        Patch(s, e);
        return (s, e);
    }

    /// <summary>Any number of characters of one kind.</summary>
    private (int Start, int End) Loop(Kind kind)
    {
        var e = Add(new Node(Kind.Empty));
        var read = Add(new Node(kind));
        var split = Add(new Node(Kind.Split) { Out1 = read, Out2 = e });
        Patch(read, split);
        return (split, e);
    }

    /// <summary><c>**/</c>: any number of folder names, each followed by a slash.</summary>
    private (int Start, int End) Folders()
    {
        var e = Add(new Node(Kind.Empty));
        var slash = Add(new Node(Kind.Char, '/'));
        var name = Add(new Node(Kind.NotSlash));
        var inName = Add(new Node(Kind.Split) { Out1 = name, Out2 = slash });
        var loop = Add(new Node(Kind.Split) { Out1 = inName, Out2 = e });
        Patch(name, inName);
        Patch(slash, loop);
        return (loop, e);
    }

    /// <summary><c>{a,b,...}</c>, after its opening brace; reads up to and with the closing one.</summary>
    private (int Start, int End) Group(string glob, ref int at, int depth)
    {
        var e = Add(new Node(Kind.Empty));
        var starts = new List<int>();
        while (true)
        {
            var (s, end) = Sequence(glob, ref at, depth);
            Patch(end, e);
            starts.Add(s);
            if (at >= glob.Length)
            {
                throw new ArgumentException($"unbalanced braces in glob '{glob}'", nameof(glob));
            }

            if (glob[at++] == '}')
            {
                break;
            }
        }

        // A chain of two-way splits, one alternative each.
        var start = starts[^1];
        for (var i = starts.Count - 2; i >= 0; i--)
        {
            start = Add(new Node(Kind.Split) { Out1 = starts[i], Out2 = start });
        }

        return (start, e);
    }

    private int Add(Node node)
    {
        _building.Add(node);
        return _building.Count - 1;
    }

    private void Patch(int from, int to) => _building[from] = _building[from] with { Out1 = to };

    private readonly record struct Node(Kind Kind, char Char = '\0')
    {
        public int Out1 { get; init; } = -1;

        public int Out2 { get; init; } = -1;
    }
}
