using ComplianceAuditor.Checks.Update.BuildConfig;
using ComplianceAuditor.Checks.Update.Frameworks;
using ComplianceAuditor.Checks.Update.Reading;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Update.Boot.Environment;
using ComplianceAuditor.Update.Configuration;
using ComplianceAuditor.Update.Esp;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Recovery;

/// <summary>
/// What a target shows about surviving a failed update: each piece of evidence says whether a second slot or a
/// recovery path is there (present), is not (absent), and where that was seen. Also whether the device updates at
/// all, since a single slot only matters on a device that rewrites it.
/// </summary>
internal sealed record RecoveryEvidence(IReadOnlyList<(Presence State, string Reason, string Path)> Items, IReadOnlyList<string> UpdatePaths)
{
    /// <summary>U-Boot environments and Android fstabs are small text or binary files; larger ones are not read.</summary>
    private const int MaxSmallFile = 1 << 20;

    public static RecoveryEvidence Of(TargetInventory inventory, IReadOnlyList<IUpdateFormat> formats, FrameworkScan frameworks, CancellationToken cancellationToken)
    {
        var items = new List<(Presence, string, string)>();
        var updates = new List<string>();
        foreach (var (view, finding) in frameworks.Findings)
        {
            updates.Add(FrameworkScan.Name(view, finding));
            if (finding.Redundancy.State != Presence.Unknown)
            {
                items.Add((finding.Redundancy.State, $"{finding.Name}: {finding.Redundancy.Reason}", view.Name));
            }
        }

        foreach (var artifact in inventory.Artifacts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (artifact.Kind is ArtifactKind.Binary or ArtifactKind.Text)
            {
                Inspect(artifact, formats, items, updates);
            }
        }

        return new RecoveryEvidence(items, updates);
    }

    private static void Inspect(Artifact artifact, IReadOnlyList<IUpdateFormat> formats, List<(Presence, string, string)> items, List<string> updates)
    {
        var name = Path.GetFileName(artifact.RelativePath);
        if (UpdateImageReader.Read(artifact, formats, TrustAnchors.Empty).Inspection is { } image)
        {
            Image(artifact, image, items, updates);
            return;
        }

        if (artifact.Kind == ArtifactKind.Text && (name.StartsWith("sdkconfig", StringComparison.Ordinal) || name.StartsWith(".config", StringComparison.Ordinal) || name.EndsWith("defconfig", StringComparison.Ordinal)))
        {
            IReadOnlyList<(string Project, ComplianceAuditor.Update.Configuration.BuildConfigs.BuildConfigVerdicts Verdicts)> configs;
            try
            {
                configs = BuildConfigReader.Read(artifact);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }

            foreach (var (project, verdicts) in configs)
            {
                if (verdicts.Redundancy.State != Presence.Unknown)
                {
                    items.Add((verdicts.Redundancy.State, $"{project} build: {verdicts.Redundancy.Reason}", artifact.Path));
                }
            }

            return;
        }

        if (artifact.Size is > 0 and <= MaxSmallFile && (name.Contains("env", StringComparison.OrdinalIgnoreCase) || name.StartsWith("fstab", StringComparison.Ordinal)))
        {
            SmallFile(artifact, name, items);
        }
    }

    private static void Image(Artifact artifact, UpdateInspection image, List<(Presence, string, string)> items, List<string> updates)
    {
        if (image.Authentication != AuthenticationSupport.NotAnImage)
        {
            updates.Add($"{image.Format} {artifact.Path}");
        }

        if (image.Format == "ESP-IDF partition table" && Bytes(artifact) is { } table && EspPartitionLayout.TryRead(table) is { } layout)
        {
            var slots = string.Join(", ", layout.AppPartitions.Select(p => p.Label));
            items.Add(layout.HasAbSlots && layout.HasOtaData
                ? (Presence.Present, $"ESP-IDF partition table with OTA slots ({slots}) and otadata", artifact.Path)
                : (Presence.Absent, $"ESP-IDF partition table with app partition(s) {slots} and {(layout.HasOtaData ? "otadata" : "no otadata")}: no second slot to fall back to", artifact.Path));
            if (layout.OtaSlots.Count > 0)
            {
                updates.Add($"ESP-IDF OTA slots in {artifact.Path}");
            }
        }

        // A pending test or revert swap shows a swap mode, which falls back to the old image; overwrite-only
        // builds write trailers too, so a trailer alone proves nothing.
        if (image.Facts.FirstOrDefault(f => f.Name == "slot trailer") is { } trailer
            && (trailer.Value.EndsWith("pending swap: test", StringComparison.Ordinal) || trailer.Value.EndsWith("pending swap: revert", StringComparison.Ordinal)))
        {
            items.Add((Presence.Present, $"MCUboot slot trailer ({trailer.Value}): the bootloader swaps and can revert an unconfirmed image", artifact.Path));
        }
    }

    private static void SmallFile(Artifact artifact, string name, List<(Presence, string, string)> items)
    {
        if (Bytes(artifact) is not { } bytes)
        {
            return;
        }

        if (name.StartsWith("fstab", StringComparison.Ordinal))
        {
            if (System.Text.Encoding.ASCII.GetString(bytes).Contains("slotselect", StringComparison.Ordinal))
            {
                items.Add((Presence.Present, "Android fstab mounts partitions with slotselect: A/B slots", artifact.Path));
            }

            return;
        }

        if (UBootEnvironmentReader.Read(bytes) is { Problem: null } environment && environment.Variables.Count > 0)
        {
            if (environment.HasBootCounting && environment.HasAltBootCmd)
            {
                items.Add((Presence.Present, $"U-Boot environment with bootlimit {environment.BootLimit} and altbootcmd: a failing image falls back", artifact.Path));
            }
            else if (environment.Variables.ContainsKey("bootcmd"))
            {
                items.Add((Presence.Absent, "U-Boot environment without boot counting and altbootcmd: a failing image is booted again and again", artifact.Path));
            }
        }
    }

    private static byte[]? Bytes(Artifact artifact)
    {
        if (artifact.Content is not { } content || artifact.Size > MaxSmallFile)
        {
            return null;
        }

        try
        {
            using var stream = content.OpenRead();
            var bytes = new byte[artifact.Size];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return bytes[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
