namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// What a SUIT envelope and its manifest declare, typed for the checks: sizes (the IETF requirement that the
/// update decision fits in RAM compares <see cref="ManifestBytes"/> with the device's RAM), the anti-rollback
/// sequence number, the components and what the command sequences check.
/// </summary>
public sealed record SuitManifestInfo
{
    /// <summary>The envelope's encoded size in bytes, integrated payloads and severable members included.</summary>
    public required int EnvelopeBytes { get; init; }

    /// <summary>The manifest's encoded size in bytes (the content of envelope key 3): what a device must hold to decide.</summary>
    public required int ManifestBytes { get; init; }

    /// <summary>Whether the envelope carries tag 107 (an untagged map with keys 2 and 3 is accepted too).</summary>
    public bool Tagged { get; init; }

    /// <summary>Whether the envelope has an authentication wrapper (key 2) that could be read.</summary>
    public bool HasAuthenticationWrapper { get; init; }

    /// <summary>The algorithm of the manifest digest in the authentication wrapper ("SHA-256"), or null without one.</summary>
    public string? DigestAlgorithm { get; init; }

    /// <summary>Whether that digest matches the manifest; null when it is absent or its algorithm is not recomputed.</summary>
    public bool? DigestMatches { get; init; }

    /// <summary>COSE_Sign1 and COSE_Sign blocks in the authentication wrapper.</summary>
    public int SignatureBlocks { get; init; }

    /// <summary>COSE_Mac0 and COSE_Mac blocks in the authentication wrapper.</summary>
    public int MacBlocks { get; init; }

    /// <summary>suit-manifest-version (key 1); 1 is the only version defined.</summary>
    public ulong? ManifestVersion { get; init; }

    /// <summary>suit-manifest-sequence-number (key 2), the anti-rollback counter.</summary>
    public ulong? SequenceNumber { get; init; }

    /// <summary>suit-reference-uri (key 4).</summary>
    public string? ReferenceUri { get; init; }

    /// <summary>The component identifiers of suit-common, rendered as ['00'] or ['decrypted-firmware'].</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    public int ComponentCount => Components.Count;

    /// <summary>The manifest members present, in key order, with how a severable one is held: "validate", "install (severed)".</summary>
    public IReadOnlyList<string> Sequences { get; init; } = [];

    /// <summary>What the shared sequence and the command sequences check and set.</summary>
    public SuitCommandSummary Commands { get; init; } = SuitCommandSummary.Empty;

    /// <summary>The component versions given in the text member (key 6 of a component's text), for display only.</summary>
    public IReadOnlyList<string> TextVersions { get; init; } = [];

    /// <summary>The names (text keys) of the integrated payloads, such as "#dependency-manifest".</summary>
    public IReadOnlyList<string> IntegratedPayloads { get; init; } = [];
}
