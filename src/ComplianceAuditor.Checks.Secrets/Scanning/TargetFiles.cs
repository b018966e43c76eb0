using System.Runtime.CompilerServices;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Secrets.Scanning;

/// <summary>
/// What the target-wide collectors (update keys, secrets to compare, the device's own names) share: finding the few
/// small files they read among hundreds of thousands by path alone, reading them whole within a bound, and working
/// each out once per target.
/// </summary>
internal static class TargetFiles
{
    /// <summary>
    /// The regular files whose relative path passes <paramref name="wanted"/> and whose size is at most
    /// <paramref name="maxBytes"/>, in inventory order. A packed inventory gives each path without making the
    /// artifact, so only the matches are made.
    /// </summary>
    public static IEnumerable<(string RelativePath, Artifact Artifact)> Matching(TargetInventory inventory, Func<string, bool> wanted, long maxBytes)
    {
        var artifacts = inventory.Artifacts;
        var paths = artifacts as IArtifactPaths;
        for (var i = 0; i < artifacts.Count; i++)
        {
            var relative = paths?.RelativePathAt(i) ?? artifacts[i].RelativePath;
            if (!wanted(relative))
            {
                continue;
            }

            var artifact = artifacts[i];
            if (artifact.Content is not null && artifact.Size <= maxBytes && artifact.Kind is not (ArtifactKind.Directory or ArtifactKind.Symlink))
            {
                yield return (relative, artifact);
            }
        }
    }

    /// <summary>The whole file, or null when it cannot be read: a collector then knows one file fewer, nothing breaks.</summary>
    public static byte[]? Read(Artifact artifact)
    {
        try
        {
            using var stream = artifact.Content!.OpenRead();
            var bytes = new byte[artifact.Size];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return read == bytes.Length ? bytes : bytes[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>A value worked out once per target, on first use, by whichever worker asks first.</summary>
internal sealed class PerTarget<T>(Func<TargetInventory, T> compute)
    where T : class
{
    private readonly ConditionalWeakTable<TargetInventory, Lazy<T>> _cache = [];

    public T For(TargetInventory inventory) =>
        _cache.GetValue(inventory, i => new Lazy<T>(() => compute(i), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
