using System.Globalization;
using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.ProcessEvidence;

namespace ComplianceAuditor.Checks.Repository.Evidence;

/// <summary>
/// The working tree of a target as the process-evidence parsers read it: every file of the target itself, under
/// '/'-rooted paths, but none found inside a container (a path with "!/" is inside a firmware image or archive, not in
/// the repository). Reads are bounded per file by the caller and in total by a read budget, so a repository of huge
/// documents cannot hold an audit up; links are followed only to other files of the tree. What could not be read, or was
/// read only in part, is recorded as a <see cref="ReadProblem"/>, so a check never mistakes an unread file for a missing one.
/// </summary>
internal sealed class InventoryRepositoryFiles : IRepositoryFiles
{
    /// <summary>The bytes read for one target's process evidence, all parsers together.</summary>
    public const long DefaultReadBudget = 256L * 1024 * 1024;

    private const int MaxLinkHops = 8;

    private readonly TargetInventory _inventory;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly string[] _paths;
    private readonly List<ReadProblem> _problems = [];
    private readonly long _budget;
    private long _read;

    public InventoryRepositoryFiles(TargetInventory inventory, long readBudget = DefaultReadBudget)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        _inventory = inventory;
        _budget = readBudget;
        var artifacts = inventory.Artifacts;
        for (var i = 0; i < artifacts.Count; i++)
        {
            var artifact = artifacts[i];
            if (artifact.IsTargetRoot || artifact.Kind is ArtifactKind.Directory or ArtifactKind.Special
                || artifact.Path.Contains("!/", StringComparison.Ordinal) || artifact.RelativePath.Length == 0)
            {
                continue;
            }

            _index.TryAdd("/" + artifact.RelativePath.TrimStart('/'), i);
        }

        _paths = [.. _index.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Observed by every read, so a rule's time limit stops a scan between files. The parsers run one at a time, under
    /// the lock of <see cref="RepositoryEvidence"/>, which sets this for the rule that runs them.
    /// </summary>
    public CancellationToken Cancellation { get; set; }

    /// <inheritdoc />
    public IEnumerable<string> Paths => _paths;

    public int ProblemCount => _problems.Count;

    /// <summary>The problems recorded since <paramref name="mark"/> (a former <see cref="ProblemCount"/>).</summary>
    public IReadOnlyList<ReadProblem> ProblemsSince(int mark) => [.. _problems.Skip(mark)];

    public bool Contains(string path) => _index.ContainsKey(path);

    /// <summary>The report's name for a file of the view (the artifact's virtual path), for evidence.</summary>
    public string VirtualPath(string path) =>
        _index.TryGetValue(path, out var i) ? _inventory.Artifacts[i].Path : _inventory.Target.Name + path;

    /// <inheritdoc />
    public string? ReadText(string path, int maxBytes)
    {
        Cancellation.ThrowIfCancellationRequested();
        if (path is null || maxBytes <= 0 || !_index.TryGetValue(path, out var i))
        {
            return null;
        }

        var artifact = Follow(path, _inventory.Artifacts[i]);
        if (artifact is null)
        {
            return null;
        }

        switch (artifact.Kind)
        {
            case ArtifactKind.Text:
                return Read(path, artifact, maxBytes);
            case ArtifactKind.Binary or ArtifactKind.Elf:
                _problems.Add(new ReadProblem(path, ReadProblemKind.Binary, "binary content"));
                return null;
            default:
                _problems.Add(new ReadProblem(path, ReadProblemKind.Unreadable, artifact.Note ?? $"a {artifact.Kind.ToString().ToLowerInvariant()} entry"));
                return null;
        }
    }

    /// <summary>
    /// The file a path leads to: itself, or for a link, the file of the tree it points at (SECURITY.md is often a link to
    /// docs/SECURITY.md). A link out of the tree, to nothing, or round in a circle is recorded and gives null.
    /// </summary>
    private Artifact? Follow(string path, Artifact artifact)
    {
        var current = path;
        for (var hop = 0; artifact.Kind == ArtifactKind.Symlink; hop++)
        {
            var target = artifact.LinkTarget;
            var next = hop < MaxLinkHops && target is { Length: > 0 } && target[0] != '/' ? TreePath.Combine(current[..current.LastIndexOf('/')], target) : null;
            if (next is null || !_index.TryGetValue(next, out var i))
            {
                _problems.Add(new ReadProblem(path, ReadProblemKind.Unreadable,
                    $"a symbolic link to {DisplayText.Sanitize(target ?? "nothing")} that does not lead to a file of the working tree"));
                return null;
            }

            (current, artifact) = (next, _inventory.Artifacts[i]);
        }

        return artifact;
    }

    private string? Read(string path, Artifact artifact, int maxBytes)
    {
        if (artifact.Content is not { } content)
        {
            _problems.Add(new ReadProblem(path, ReadProblemKind.Unreadable, "its content is not available"));
            return null;
        }

        var left = _budget - _read;
        if (left <= 0)
        {
            _problems.Add(new ReadProblem(path, ReadProblemKind.BudgetExhausted, Budget()));
            return null;
        }

        var limit = (int)Math.Min(Math.Min(maxBytes, left), Math.Max(artifact.Size, 0));
        try
        {
            using var stream = content.OpenRead();
            var buffer = new byte[limit];
            var read = stream.ReadAtLeast(buffer, limit, throwOnEndOfStream: false);
            _read += read;
            if (artifact.Size > read)
            {
                _problems.Add(limit < maxBytes && limit == left
                    ? new ReadProblem(path, ReadProblemKind.BudgetExhausted, Budget())
                    : new ReadProblem(path, ReadProblemKind.Truncated, string.Create(CultureInfo.InvariantCulture, $"the first {read} of {artifact.Size} bytes")));
            }

            // Invalid UTF-8 becomes U+FFFD, which the evidence shows escaped; the parsers read around it.
            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _problems.Add(new ReadProblem(path, ReadProblemKind.Unreadable, IoErrors.Describe(e)));
            return null;
        }
    }

    private string Budget() => _budget >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"the {_budget / (1024 * 1024)} MiB allowed for this repository's documents were all read")
        : string.Create(CultureInfo.InvariantCulture, $"the {_budget} bytes allowed for this repository's documents were all read");
}
