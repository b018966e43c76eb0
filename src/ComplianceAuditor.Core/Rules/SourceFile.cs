namespace ComplianceAuditor.Core.Rules;

/// <summary>
/// A loaded data file and the positions of its nodes, so that errors found after parsing (a regex that does not
/// compile, a failing self-test) can still point at <c>file:line:column</c>.
/// </summary>
public sealed class SourceFile
{
    private readonly IReadOnlyDictionary<string, SourcePosition> _positions;

    public SourceFile(string displayPath, IReadOnlyDictionary<string, SourcePosition> positions)
    {
        DisplayPath = displayPath;
        _positions = positions;
    }

    /// <summary>Appended to a node path to address the key of a mapping entry rather than its value.</summary>
    public const string KeySuffix = "@key";

    /// <summary>The path shown to users: relative to the rule folder for built-in rules, as given for user rules.</summary>
    public string DisplayPath { get; }

    /// <summary>
    /// The position of a node addressed as <c>check.pattern</c> or <c>tests.mustMatch[2]</c>; falls back to the
    /// nearest ancestor that has one, and to 1:1.
    /// </summary>
    public SourcePosition Locate(string nodePath)
    {
        var path = nodePath;
        while (true)
        {
            if (_positions.TryGetValue(path, out var position))
            {
                return position;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return _positions.TryGetValue("", out var root) ? root : new SourcePosition(1, 1);
            }

            path = path[..cut];
        }
    }

    /// <summary>Formats <c>file:line:column</c> for a node's value.</summary>
    public string Describe(string nodePath) => Format(Locate(nodePath));

    /// <summary>Formats <c>file:line:column</c> for the key of a mapping entry (an unknown key, say).</summary>
    public string DescribeKey(string nodePath) =>
        Format(_positions.TryGetValue(nodePath + KeySuffix, out var key) ? key : Locate(nodePath));

    private string Format(SourcePosition p) => $"{DisplayPath}:{p.Line}:{p.Column}";

    public override string ToString() => DisplayPath;
}
