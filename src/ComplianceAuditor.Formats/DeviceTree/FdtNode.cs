namespace ComplianceAuditor.Formats.DeviceTree;

/// <summary>A node of a device tree, with its properties and children in storage order.</summary>
public sealed class FdtNode
{
    private readonly List<FdtNode> _children = [];
    private readonly List<FdtProperty> _properties = [];

    internal FdtNode(string name, FdtNode? parent, long offset)
    {
        Name = name;
        Parent = parent;
        Offset = offset;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>The name as stored, with its unit address (<c>memory@80000000</c>); empty for the root.</summary>
    public string Name { get; }

    /// <summary>
    /// The full path, <c>/</c> for the root. Built when asked, not stored: a hostile tree of deep, long-named nodes
    /// would otherwise hold a full path per node, quadratic in the tree's size.
    /// </summary>
    public string Path => Parent is null ? "/" : Parent.Parent is null ? "/" + Name : Parent.Path + "/" + Name;

    public FdtNode? Parent { get; }

    /// <summary>0 for the root.</summary>
    public int Depth { get; }

    /// <summary>Where the node's BEGIN_NODE token is in the blob.</summary>
    public long Offset { get; }

    public IReadOnlyList<FdtNode> Children => _children;

    public IReadOnlyList<FdtProperty> Properties => _properties;

    /// <summary>The name without its unit address.</summary>
    public string BaseName => Name.IndexOf('@', StringComparison.Ordinal) is var at and >= 0 ? Name[..at] : Name;

    public FdtProperty? GetProperty(string name)
    {
        foreach (var p in _properties)
        {
            if (p.Name == name)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>
    /// The child called <paramref name="name"/>; a name without a unit address also matches a child that has one
    /// (<c>memory</c> finds <c>memory@0</c>), as U-Boot and Linux look nodes up.
    /// </summary>
    public FdtNode? GetChild(string name)
    {
        foreach (var c in _children)
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        if (name.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var c in _children)
        {
            if (c.BaseName == name)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Follows a path of child names separated by <c>/</c>, relative to this node (a leading <c>/</c> is ignored).</summary>
    public FdtNode? FindNode(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var node = this;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node.GetChild(part);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    internal void Add(FdtNode child) => _children.Add(child);

    internal void Add(FdtProperty property) => _properties.Add(property);
}
