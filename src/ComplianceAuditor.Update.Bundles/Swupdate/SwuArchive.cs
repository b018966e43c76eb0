using System.Globalization;
using ComplianceAuditor.Formats.Cpio;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>
/// The members of a .swu (a cpio archive in the SVR4 layouts), read with the shared bounded <see cref="CpioReader"/>:
/// names and where their bytes lie, in storage order. A defect ends the list with <see cref="Problem"/> set.
/// </summary>
internal sealed record SwuArchive(IReadOnlyList<SwuMember> Members, string? Problem)
{
    /// <summary>More members than any update bundle has; bounds the walk.</summary>
    private const int MaxMembers = 10_000;

    /// <summary>
    /// Whether the bytes are an SVR4 cpio whose first member is named sw-description: the test SWUpdate itself
    /// applies, and what separates a .swu from an initramfs.
    /// </summary>
    public static bool StartsWithDescription(ReadOnlySpan<byte> bytes)
    {
        const int HeaderSize = 110;
        const string Name = "sw-description";
        if (bytes.Length < HeaderSize + Name.Length + 1 || !(bytes[..6].SequenceEqual("070701"u8) || bytes[..6].SequenceEqual("070702"u8)))
        {
            return false;
        }

        // The name size (with its NUL) is the twelfth 8-digit hex field after the magic.
        return int.TryParse(bytes.Slice(94, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var nameSize)
            && nameSize == Name.Length + 1
            && bytes.Slice(HeaderSize, nameSize).SequenceEqual("sw-description\0"u8);
    }

    public static SwuArchive Read(ReadOnlyMemory<byte> bytes)
    {
        var members = new List<SwuMember>();
        var context = new UnpackContext(new UnpackLimits(), NoScratch, _ => { }, CancellationToken.None);
        try
        {
            foreach (var entry in new CpioReader().Read(UnpackSource.FromBytes("swu", bytes), context))
            {
                if (members.Count == MaxMembers)
                {
                    return new SwuArchive(members, string.Create(CultureInfo.InvariantCulture, $"more than {MaxMembers} members; the rest were not read"));
                }

                if (entry is { Type: EntryType.File, Offset: { } offset })
                {
                    members.Add(new SwuMember(entry.Path, offset, entry.Size));
                }
            }
        }
        catch (UnpackException e)
        {
            return new SwuArchive(members, e.Message);
        }

        return new SwuArchive(members, null);
    }

    public SwuMember? Find(string name) =>
        Members.FirstOrDefault(m => m.Name == name) ?? Members.FirstOrDefault(m => m.Name == "./" + name);

    /// <summary>The reader works on memory and never extracts; a request for a scratch folder is a bug.</summary>
    private static string NoScratch() => throw new InvalidOperationException("the .swu reader does not extract files");
}
