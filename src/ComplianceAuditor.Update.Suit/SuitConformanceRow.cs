namespace ComplianceAuditor.Update.Suit;

/// <summary>One element of the SUIT conformance table.</summary>
/// <param name="Element">The element as the table names it: one of the <see cref="SuitConformance"/> constants.</param>
/// <param name="Reference">Where it is specified: "RFC 9124 §3.2; draft-ietf-suit-manifest §6.1".</param>
/// <param name="Requirement">How strongly it is asked for.</param>
/// <param name="Present">
/// Whether the manifest has it; for a property rather than an element (https/coaps URIs only, signature rather than
/// digest only) whether the property holds.
/// </param>
/// <param name="Value">What was found, printable: "SHA-256", "3", "https://example.com/fw.bin", "absent".</param>
public sealed record SuitConformanceRow(string Element, string Reference, SuitRequirement Requirement, bool Present, string Value)
{
    /// <summary>A required element that is missing.</summary>
    public bool IsMissingRequirement => Requirement == SuitRequirement.Required && !Present;
}
