namespace ComplianceAuditor.Core.Schemes;

/// <summary>One entry of the catalog of automatable checks (<c>CHK-*</c>), from <c>rules/catalog/checks.yaml</c>.</summary>
/// <param name="Targets">Where evidence comes from: <c>firmware</c> (an image or root file system) and/or <c>repository</c>.</param>
/// <param name="MultiVersion">True when the check needs two images or releases to say anything.</param>
public sealed record CatalogCheck(string Id, string Area, string Title, string Description, IReadOnlyList<string> Targets, bool MultiVersion);
