using System.Text;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Objects;

/// <summary>
/// A tree object's entries: "mode name\0" and the entry's 20-byte id, one after another (the mode in octal ASCII).
/// Malformed bytes throw <see cref="InvalidDataException"/>; the caller then asks libgit2.
/// </summary>
internal static class RawTree
{
    public static IEnumerable<(string Name, GitId Id, Mode Mode, TreeEntryTargetType Type)> Parse(byte[] data)
    {
        var entries = new List<(string, GitId, Mode, TreeEntryTargetType)>();
        var position = 0;
        while (position < data.Length)
        {
            var space = Array.IndexOf(data, (byte)' ', position);
            var nul = space < 0 ? -1 : Array.IndexOf(data, (byte)0, space + 1);
            if (space < 0 || nul < 0 || nul + 21 > data.Length || space - position is < 5 or > 6)
            {
                throw new InvalidDataException("a tree entry is cut short or malformed");
            }

            if (ModeOf(data.AsSpan(position, space - position)) is not { } parsed)
            {
                throw new InvalidDataException("a tree entry's mode is not one git writes");
            }

            var (kind, type) = parsed;

            var name = Encoding.UTF8.GetString(data, space + 1, nul - space - 1);
            entries.Add((name, GitId.From(data.AsSpan(nul + 1, 20)), kind, type));
            position = nul + 21;
        }

        return entries;
    }

    /// <summary>
    /// What an entry's octal mode says it is: a folder, a file (plain, executable, group-writable as very old git wrote
    /// them), a symbolic link or a submodule. Null for any other mode, which git never writes.
    /// </summary>
    public static (Mode Mode, TreeEntryTargetType Type)? ModeOf(ReadOnlySpan<byte> octal)
    {
        var mode = 0;
        foreach (var c in octal)
        {
            var digit = c - '0';
            if (digit is < 0 or > 7)
            {
                return null;
            }

            mode = (mode << 3) | digit;
        }

        return mode switch
        {
            0x4000 => (Mode.Directory, TreeEntryTargetType.Tree),
            0x81a4 => (Mode.NonExecutableFile, TreeEntryTargetType.Blob),
            0x81ed => (Mode.ExecutableFile, TreeEntryTargetType.Blob),
            0x81b4 => (Mode.NonExecutableGroupWritableFile, TreeEntryTargetType.Blob),
            0xa000 => (Mode.SymbolicLink, TreeEntryTargetType.Blob),
            0xe000 => (Mode.GitLink, TreeEntryTargetType.GitLink),
            _ => null,
        };
    }
}
