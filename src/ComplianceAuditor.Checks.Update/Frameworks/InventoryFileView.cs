using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Checks.Update.Frameworks;

/// <summary>
/// One file system of the inventory (a target folder, or one container such as a squashfs inside a firmware image)
/// as the configuration scan reads it: '/'-rooted paths of its regular files, and bounded reads of their content.
/// </summary>
internal sealed class InventoryFileView(string name, IReadOnlyDictionary<string, Artifact> files) : IFileView
{
    /// <summary>The container's virtual path, or the target name: how the report names this file system.</summary>
    public string Name { get; } = name;

    public IEnumerable<string> Paths => files.Keys.Order(StringComparer.Ordinal);

    /// <summary>The artifact behind a view path, so evidence points at the file as the report lists it.</summary>
    public Artifact? ArtifactAt(string path) => files.GetValueOrDefault(path);

    public byte[]? Read(string path, int maxBytes)
    {
        if (!files.TryGetValue(path, out var artifact) || artifact.Content is not { } content || maxBytes < 0)
        {
            return null;
        }

        try
        {
            using var stream = content.OpenRead();
            var buffer = new byte[(int)Math.Min(maxBytes, Math.Max(artifact.Size, 0))];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return read == buffer.Length ? buffer : buffer[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether this looks like a Linux-class root file system, which is expected to update itself.</summary>
    public bool IsLinuxRoot => files.ContainsKey("/etc/passwd") || files.ContainsKey("/sbin/init") || files.ContainsKey("/etc/inittab");

    /// <summary>The file systems of a target: its own files, and the files of each container inside it, apart.</summary>
    public static IReadOnlyList<InventoryFileView> Of(TargetInventory inventory)
    {
        var groups = new SortedDictionary<string, Dictionary<string, Artifact>>(StringComparer.Ordinal);
        foreach (var artifact in inventory.Artifacts)
        {
            if (artifact.Kind is not (ArtifactKind.Text or ArtifactKind.Binary or ArtifactKind.Elf) || artifact.RelativePath.Length == 0)
            {
                continue;
            }

            var step = artifact.Path.LastIndexOf("!/", StringComparison.Ordinal);
            var container = step < 0 ? inventory.Target.Name : artifact.Path[..step];
            if (!groups.TryGetValue(container, out var files))
            {
                groups[container] = files = new Dictionary<string, Artifact>(StringComparer.Ordinal);
            }

            files.TryAdd("/" + artifact.RelativePath.TrimStart('/'), artifact);
        }

        return [.. groups.Select(g => new InventoryFileView(g.Key, g.Value))];
    }
}
