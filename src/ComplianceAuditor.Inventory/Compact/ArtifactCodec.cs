using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory.Compact;

/// <summary>
/// The record of one artifact in <see cref="CompactArtifacts"/>: a bit set saying which fields follow and how each
/// is stored, then the fields. Whatever can be worked out again (the relative path from the virtual path, a path's
/// folder from the string table) is not stored.
/// </summary>
internal static class ArtifactCodec
{
    /// <summary>Which optional fields follow (bits 0-9); bits 10 and up hold the three modes below.</summary>
    [Flags]
    private enum Field : uint
    {
        None = 0,
        Offset = 1 << 0,
        Parent = 1 << 1,
        LinkTarget = 1 << 2,
        Note = 1 << 3,
        Mode = 1 << 4,
        Uid = 1 << 5,
        Gid = 1 << 6,
        LoadAddress = 1 << 7,
        ExtractedBy = 1 << 8,
        Container = 1 << 9,
    }

    /// <summary>How the relative path is found: stored, or the end of the virtual path after the target or the parent.</summary>
    private enum Relative : uint
    {
        Stored,
        AfterTarget,
        AfterParent,
        Empty,
    }

    /// <summary>How the SHA-256 is stored: none, 32 bytes, or text that is not lower-case hex.</summary>
    private enum Hash : uint
    {
        None,
        Bytes,
        Text,
    }

    private enum Content : uint
    {
        None,
        File,
        Window,
        Empty,
        Object,
    }

    private const int FieldBits = 10;

    public static void Encode(Artifact a, RecordWriter w, Func<string, int> share, int index, Dictionary<int, object> objects)
    {
        var relative = RelativeMode(a);
        var hash = a.Sha256.Length == 0 ? Hash.None : IsLowerHex(a.Sha256) ? Hash.Bytes : Hash.Text;
        var content = a.Content switch
        {
            null => Content.None,
            FileContent => Content.File,
            WindowContent => Content.Window,
            EmptyContent => Content.Empty,
            _ => Content.Object,
        };
        var fields = Field.None
            | (a.Offset is null ? 0 : Field.Offset)
            | (a.Parent is null ? 0 : Field.Parent)
            | (a.LinkTarget is null ? 0 : Field.LinkTarget)
            | (a.Note is null ? 0 : Field.Note)
            | (a.Mode is null ? 0 : Field.Mode)
            | (a.Uid is null ? 0 : Field.Uid)
            | (a.Gid is null ? 0 : Field.Gid)
            | (a.LoadAddress is null ? 0 : Field.LoadAddress)
            | (a.ExtractedBy is null ? 0 : Field.ExtractedBy)
            | (a.Container is null ? 0 : Field.Container);

        w.Count((ulong)fields | ((ulong)relative << FieldBits) | ((ulong)hash << (FieldBits + 2)) | ((ulong)content << (FieldBits + 4)));
        SplitPath(a.Path, '/', w, share);
        w.Count((ulong)share(a.Target));
        w.Count((ulong)a.Kind);
        w.Fixed64(a.Size);
        if (relative == Relative.Stored)
        {
            w.Text(a.RelativePath);
        }

        if (a.Parent is { } parent)
        {
            w.Count((ulong)share(parent));
        }

        if (hash == Hash.Bytes)
        {
            w.Bytes(Convert.FromHexString(a.Sha256));
        }
        else if (hash == Hash.Text)
        {
            w.Text(a.Sha256);
        }

        Optional(w, a.Offset);
        Optional(w, a.Uid);
        Optional(w, a.Gid);
        Optional(w, a.LoadAddress);
        if (a.Mode is { } mode)
        {
            w.Count((uint)mode);
        }

        if (a.LinkTarget is { } link)
        {
            w.Text(link);
        }

        if (a.Note is { } note)
        {
            w.Text(note);
        }

        if (a.ExtractedBy is { } extractedBy)
        {
            w.Count((ulong)share(extractedBy));
        }

        switch (a.Content)
        {
            case FileContent file:
                SplitPath(file.LocalPath!, Path.DirectorySeparatorChar, w, share);
                break;
            case WindowContent window:
                w.Count((ulong)share(window.File));
                w.Fixed64(window.Offset);
                w.Fixed64(window.Length);
                break;
            case null or EmptyContent:
                break;
            default:
                objects[index] = a.Content;
                break;
        }

        if (a.Container is { } container)
        {
            // Containers are few; keyed apart from contents by the sign.
            objects[~index] = container;
        }
    }

    /// <summary>Only the relative path of a record: the fields before it and the parent, nothing else made.</summary>
    public static string DecodeRelativePath(RecordReader r, List<string> shared)
    {
        var bits = r.Count();
        var fields = (Field)(bits & ((1u << FieldBits) - 1));
        var relative = (Relative)((bits >> FieldBits) & 3);
        var path = JoinPath(ref r, shared);
        var target = shared[r.Index()];
        r.Count();
        r.Fixed64();
        var stored = relative == Relative.Stored ? r.Text() : null;
        var parent = Has(fields, Field.Parent) ? shared[r.Index()] : null;
        return RelativeOf(relative, path, target, parent, stored);
    }

    /// <summary>The relative path, from the virtual path when it is worked out rather than stored.</summary>
    private static string RelativeOf(Relative relative, string path, string target, string? parent, string? stored) => relative switch
    {
        Relative.AfterTarget => path[(target.Length + 1)..],
        Relative.AfterParent => path[(parent!.Length + 2)..],
        Relative.Empty => "",
        _ => stored!,
    };

    public static Artifact Decode(RecordReader r, List<string> shared, int index, Dictionary<int, object> objects)
    {
        var bits = r.Count();
        var fields = (Field)(bits & ((1u << FieldBits) - 1));
        var relative = (Relative)((bits >> FieldBits) & 3);
        var hash = (Hash)((bits >> (FieldBits + 2)) & 3);
        var contentKind = (Content)((bits >> (FieldBits + 4)) & 7);
        var path = JoinPath(ref r, shared);
        var target = shared[r.Index()];
        var kind = (ArtifactKind)r.Count();
        var size = r.Fixed64();
        var stored = relative == Relative.Stored ? r.Text() : null;
        var parent = Has(fields, Field.Parent) ? shared[r.Index()] : null;
        var sha = hash switch
        {
            Hash.Bytes => Convert.ToHexStringLower(r.Bytes(32)),
            Hash.Text => r.Text(),
            _ => "",
        };
        var offset = Has(fields, Field.Offset) ? r.Fixed64() : (long?)null;
        var uid = Has(fields, Field.Uid) ? r.Fixed64() : (long?)null;
        var gid = Has(fields, Field.Gid) ? r.Fixed64() : (long?)null;
        var loadAddress = Has(fields, Field.LoadAddress) ? r.Fixed64() : (long?)null;
        var mode = Has(fields, Field.Mode) ? (int)(uint)r.Count() : (int?)null;
        var link = Has(fields, Field.LinkTarget) ? r.Text() : null;
        var note = Has(fields, Field.Note) ? r.Text() : null;
        var extractedBy = Has(fields, Field.ExtractedBy) ? shared[r.Index()] : null;
        IArtifactContent? content = contentKind switch
        {
            Content.File => new FileContent(JoinPath(ref r, shared)),
            Content.Window => new WindowContent(shared[r.Index()], r.Fixed64(), r.Fixed64()),
            Content.Empty => EmptyContent.Instance,
            Content.Object => (IArtifactContent)objects[index],
            _ => null,
        };

        return new Artifact
        {
            Path = path,
            Target = target,
            RelativePath = RelativeOf(relative, path, target, parent, stored),
            Parent = parent,
            Offset = offset,
            Kind = kind,
            Size = size,
            Sha256 = sha,
            LinkTarget = link,
            Note = note,
            Mode = mode,
            Uid = uid,
            Gid = gid,
            LoadAddress = loadAddress,
            ExtractedBy = extractedBy,
            Container = Has(fields, Field.Container) ? (ContainerInfo)objects[~index] : null,
            Content = content,
        };
    }

    private static Relative RelativeMode(Artifact a)
    {
        var (path, relative) = (a.Path, a.RelativePath);
        if (relative.Length == 0)
        {
            return Relative.Empty;
        }

        if (path.Length == a.Target.Length + 1 + relative.Length && path.StartsWith(a.Target, StringComparison.Ordinal)
            && path[a.Target.Length] == '/' && path.EndsWith(relative, StringComparison.Ordinal))
        {
            return Relative.AfterTarget;
        }

        return a.Parent is { } parent && path.Length == parent.Length + 2 + relative.Length && path.StartsWith(parent, StringComparison.Ordinal)
            && path.AsSpan(parent.Length, 2) is "!/" && path.EndsWith(relative, StringComparison.Ordinal)
            ? Relative.AfterParent
            : Relative.Stored;
    }

    /// <summary>A path as its folder (up to and with the last separator), shared with its siblings, and its name.</summary>
    private static void SplitPath(string path, char separator, RecordWriter w, Func<string, int> share)
    {
        var cut = path.LastIndexOf(separator) + 1;
        w.Count((ulong)share(path[..cut]));
        w.Text(path[cut..]);
    }

    private static string JoinPath(ref RecordReader r, List<string> shared)
    {
        var folder = shared[r.Index()];
        var name = r.Text();
        return folder.Length == 0 ? name : string.Concat(folder, name);
    }

    private static void Optional(RecordWriter w, long? value)
    {
        if (value is { } v)
        {
            w.Fixed64(v);
        }
    }

    private static bool Has(Field fields, Field field) => (fields & field) != 0;

    private static bool IsLowerHex(string value)
    {
        if (value.Length != 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
