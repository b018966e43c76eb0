namespace ComplianceAuditor.KeyMaterial.Catalog;

/// <summary>Where a published test key can be seen: a public repository, the commit it was read at, the file.</summary>
public sealed record KnownTestKeyOrigin(string Repository, string Commit, string Path);
