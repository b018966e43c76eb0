namespace ComplianceAuditor.KeyMaterial.Catalog;

/// <summary>A key published as a test or sample key; anyone holds its private half, so it protects nothing.</summary>
/// <param name="SpkiSha256">Lower-case hex SHA-256 of its DER SubjectPublicKeyInfo.</param>
/// <param name="Type">Algorithm and size as the catalogue names them, such as <c>RSA-2048</c> or <c>EC-secp256r1</c>.</param>
/// <param name="Origins">Every file in the catalogue that holds it (a private key and its public half often both).</param>
public sealed record KnownTestKey(string SpkiSha256, string Type, IReadOnlyList<KnownTestKeyOrigin> Origins);
