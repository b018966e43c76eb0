namespace ComplianceAuditor.Update.Inspection;

/// <summary>
/// A format-specific weakness found in an image, beyond signed/unsigned: a FIT whose configurations are not signed,
/// a vbmeta with verification disabled, an SWUpdate image without a digest. Rules select weaknesses by
/// <see cref="Code"/> (one rule per code), so codes are stable identifiers; each format documents its codes.
/// </summary>
/// <param name="Code">Stable kebab-case identifier, unique across formats: "fit-configuration-unsigned".</param>
/// <param name="Description">One sentence naming what was seen, with the values: "configuration conf-1 has no signature node".</param>
public sealed record UpdateWeakness(string Code, string Description);
