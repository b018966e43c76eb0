namespace ComplianceAuditor.Reporting.Model;

/// <summary>
/// One piece of software found in the audited targets (a package, library, kernel, image or file system), the
/// material of the CycloneDX SBOM. Components with the same type, name, version and purl are one entry, with every
/// place they were seen in <see cref="Occurrences"/>.
/// </summary>
public sealed record ComponentEntry
{
    /// <summary>Unique within a report and stable across runs; the SBOM's <c>bom-ref</c>.</summary>
    public required string Id { get; init; }

    /// <summary>CycloneDX component type: <c>application</c>, <c>library</c>, <c>operating-system</c>, <c>firmware</c>, <c>framework</c> or <c>file</c>.</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }

    public string? Version { get; init; }

    /// <summary>Who publishes it, when the source says so (a package's maintainer, a known project).</summary>
    public string? Supplier { get; init; }

    /// <summary>A well-formed, percent-encoded package URL, or null when none can be given.</summary>
    public string? Purl { get; init; }

    /// <summary>A CPE 2.3 name, given only for products whose vendor and product names are known.</summary>
    public string? Cpe { get; init; }

    /// <summary>Licences as the source states them (a package's License field), not concluded by the tool.</summary>
    public IReadOnlyList<string> Licenses { get; init; } = [];

    /// <summary>SHA-256 of the artifact that is this component (an image, a program); null when it is only part of one.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Where and how it was identified, in path order.</summary>
    public required IReadOnlyList<ComponentOccurrence> Occurrences { get; init; }

    /// <summary>The ids of the components that hold this one (an image holds its file system); empty for an input.</summary>
    public IReadOnlyList<string> ContainedIn { get; init; } = [];
}

/// <summary>One place a component was identified, and what identified it.</summary>
public sealed record ComponentOccurrence
{
    /// <summary>The virtual artifact path (<c>fw.bin!/rootfs.squashfs!/bin/busybox</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The detector that found it (<c>opkg-status</c>, <c>elf-banner</c>, <c>input</c>...).</summary>
    public required string Detector { get; init; }

    /// <summary>CycloneDX identity technique: <c>manifest-analysis</c>, <c>binary-analysis</c>, <c>filename</c>, <c>other</c>.</summary>
    public required string Technique { get; init; }

    /// <summary>What was read: the field or the string found (sanitised and cut short).</summary>
    public required string Evidence { get; init; }

    /// <summary>How sure the detector is, from 0 to 1.</summary>
    public required double Confidence { get; init; }
}
