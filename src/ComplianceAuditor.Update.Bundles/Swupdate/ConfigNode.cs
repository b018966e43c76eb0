namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>
/// A value of sw-description, whichever syntax it was written in: a group of named settings (libconfig group, JSON
/// object), a list (libconfig list or array, JSON array), or a scalar kept as its text.
/// </summary>
internal sealed record ConfigNode(ConfigKind Kind, string? Scalar, IReadOnlyList<ConfigSetting> Children)
{
    public static ConfigNode Text(string value) => new(ConfigKind.Scalar, value, []);

    /// <summary>The value of the named setting of a group, or null.</summary>
    public ConfigNode? Get(string name) =>
        Kind == ConfigKind.Group ? Children.FirstOrDefault(c => c.Name == name)?.Value : null;

    /// <summary>The text of the named scalar setting of a group, or null.</summary>
    public string? TextOf(string name) => Get(name) is { Kind: ConfigKind.Scalar } node ? node.Scalar : null;
}
