namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>A decoded PEM block.</summary>
internal readonly record struct PemBlock(string Label, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>Legacy OpenSSL encryption (RFC 1421 headers): <c>Proc-Type: 4,ENCRYPTED</c>.</summary>
    public bool IsLegacyEncrypted =>
        Headers.TryGetValue("Proc-Type", out var procType)
        && procType.Replace(" ", "", StringComparison.Ordinal).Equals("4,ENCRYPTED", StringComparison.OrdinalIgnoreCase);
}
