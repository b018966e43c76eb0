using System.Globalization;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.Checks.Secrets.Keys;

/// <summary>Short, stable words for a key item in reasons and evidence ("RSA-1024 private key (PKCS#1, PEM)").</summary>
internal static class KeyDescription
{
    public static string Of(KeyMaterialItem item)
    {
        var algorithm = item.Algorithm switch
        {
            KeyAlgorithm.Unknown => "",
            KeyAlgorithm.Ec => item.Curve is { } curve ? $"EC {curve} " : "EC ",
            _ => item.Bits is { } bits && item.Algorithm is KeyAlgorithm.Rsa or KeyAlgorithm.Dsa
                ? string.Create(CultureInfo.InvariantCulture, $"{item.Algorithm.ToString().ToUpperInvariant()}-{bits} ")
                : item.Algorithm + " ",
        };
        var kind = item.Kind switch
        {
            KeyKind.PrivateKey => "private key",
            KeyKind.EncryptedPrivateKey => "encrypted private key",
            KeyKind.PublicKey => "public key",
            KeyKind.Certificate => "certificate",
            KeyKind.CertificateRequest => "certificate request",
            KeyKind.Pkcs12 => "PKCS#12 container",
            _ => item.Kind.ToString(),
        };
        var format = item.Format is { } f ? $"{f}, {item.Encoding}" : item.Encoding.ToString();
        return $"{algorithm}{kind} ({format})";
    }

    /// <summary>The public-key fingerprints of an item and of whatever a container holds.</summary>
    public static IEnumerable<string> Fingerprints(KeyMaterialItem item) =>
        item.Contents.SelectMany(Fingerprints).Prepend(item.SpkiSha256).OfType<string>();

    public static string Origin(KnownTestKey key)
    {
        var origin = key.Origins[0];
        var first = $"{origin.Repository}: {origin.Path}";
        return key.Origins.Count == 1 ? first : string.Create(CultureInfo.InvariantCulture, $"{first} and {key.Origins.Count - 1} more");
    }
}
