namespace ComplianceAuditor.Update.Trust;

/// <summary>A public key the user trusts, with the file it came from for evidence.</summary>
/// <param name="Name">The file name (and the certificate subject when it came from one).</param>
/// <param name="Spki">The DER SubjectPublicKeyInfo.</param>
/// <param name="SpkiSha256">Lower-case hex SHA-256 of <paramref name="Spki"/>.</param>
public sealed record TrustedKey(string Name, byte[] Spki, string SpkiSha256);
