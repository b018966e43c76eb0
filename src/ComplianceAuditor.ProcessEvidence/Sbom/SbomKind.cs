namespace ComplianceAuditor.ProcessEvidence.Sbom;

/// <summary>How an SBOM was evidenced.</summary>
public enum SbomKind
{
    /// <summary>A CycloneDX JSON document (root "bomFormat": "CycloneDX").</summary>
    CycloneDxJson,

    /// <summary>A CycloneDX XML document (root element bom in the CycloneDX namespace).</summary>
    CycloneDxXml,

    /// <summary>An SPDX JSON document (root "spdxVersion").</summary>
    SpdxJson,

    /// <summary>An SPDX tag-value document (an "SPDXVersion:" line).</summary>
    SpdxTagValue,

    /// <summary>A CI step that generates an SBOM (syft, cyclonedx-*, spdx-sbom-generator and similar).</summary>
    CiGenerator,
}
