namespace ComplianceAuditor.Components;

/// <summary>
/// What one detector saw in one artifact. Text fields are raw (they came from firmware); <see cref="ComponentMerger"/>
/// sanitises them, builds the purl and CPE, and merges sightings of the same component.
/// </summary>
internal sealed record FoundComponent
{
    public required string Type { get; init; }

    public required string Name { get; init; }

    public string? Version { get; init; }

    public string? Supplier { get; init; }

    /// <summary>The purl type and namespace to use (<c>deb</c>, <c>debian</c>); null gives no purl.</summary>
    public PurlKind? Purl { get; init; }

    /// <summary>The key into <see cref="Identity.KnownProducts"/> when the product is a well-known one, for its CPE.</summary>
    public string? Product { get; init; }

    /// <summary>
    /// The version to put in the CPE when it differs from <see cref="Version"/>: a package's upstream release without the
    /// packager's epoch and revision, or the numeric release of a git-describe tag. Null uses <see cref="Version"/>.
    /// </summary>
    public string? CpeVersion { get; init; }

    public string? License { get; init; }

    /// <summary>True when the artifact is this component (an image, a program), so its hash identifies it.</summary>
    public bool IsWholeArtifact { get; init; }

    /// <summary>The artifact it was seen in.</summary>
    public required string Path { get; init; }

    /// <summary>The artifact's SHA-256, used only when <see cref="IsWholeArtifact"/> is set.</summary>
    public string? Sha256 { get; init; }

    public required string Technique { get; init; }

    /// <summary>The field or string that identified it.</summary>
    public required string Evidence { get; init; }

    public double Confidence { get; init; } = 0.8;
}

/// <summary>
/// A purl type with its namespace and qualifiers, e.g. <c>deb</c>/<c>debian</c> with <c>arch=armhf</c>; <see cref="Name"/>
/// replaces the display name where the package's identifier differs from it (os-release ID against NAME).
/// </summary>
internal sealed record PurlKind(string Type, string? Namespace = null, IReadOnlyList<KeyValuePair<string, string>>? Qualifiers = null, string? Name = null)
{
    public static PurlKind Generic { get; } = new("generic");
}
