using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

/// <summary>One line of tree.manifest.tsv, which build.sh wrote from the source tree with Python's os.lstat.</summary>
internal sealed record ManifestEntry(
    string Path, string Type, int Mode, long Uid, long Gid, long Size, string? Sha256, string? LinkTarget, (long, long)? Device)
{
    public EntryType EntryType => Type switch
    {
        "file" => EntryType.File,
        "dir" => EntryType.Directory,
        "symlink" => EntryType.Symlink,
        "char" => EntryType.CharDevice,
        "block" => EntryType.BlockDevice,
        "fifo" => EntryType.Fifo,
        "socket" => EntryType.Socket,
        _ => throw new InvalidDataException("unknown manifest type " + Type),
    };
}

internal static class Manifest
{
    public static List<ManifestEntry> Load(string name)
    {
        var entries = new List<ManifestEntry>();
        foreach (var line in File.ReadLines(Path.Combine(Fixtures.Folder, name)))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            (long, long)? device = null;
            if (f[8] != "-")
            {
                var parts = f[8].Split(',');
                device = (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
            }

            entries.Add(new ManifestEntry(
                f[0], f[1], Convert.ToInt32(f[2], 8), long.Parse(f[3], CultureInfo.InvariantCulture), long.Parse(f[4], CultureInfo.InvariantCulture),
                long.Parse(f[5], CultureInfo.InvariantCulture), f[6] == "-" ? null : f[6], f[7] == "-" ? null : f[7], device));
        }

        return entries;
    }
}
