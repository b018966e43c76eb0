using System.Globalization;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// Password-based encryption schemes of PKCS#5 and PKCS#12: their names, and how much key-derivation work opening
/// them costs, which is read before any derivation runs because the iteration count comes from the hostile file.
/// </summary>
internal static class PbeSchemes
{
    private const string Pkcs5Prefix = "1.2.840.113549.1.5.";
    private const string Pkcs12PbePrefix = "1.2.840.113549.1.12.1.";

    /// <summary>A readable name for a PBE AlgorithmIdentifier, or null when the OID is not a PBE scheme.</summary>
    public static string? Describe(AlgorithmIdentifier algorithm)
    {
        var oid = algorithm.Algorithm.Id;
        if (oid == PkcsObjectIdentifiers.IdPbeS2.Id)
        {
            var scheme = PbeS2Parameters.GetInstance(algorithm.Parameters);
            var cipher = scheme.EncryptionScheme.Algorithm.Id;
            return "PBES2 (" + Named(scheme.KeyDerivationFunc.Algorithm.Id) + ", " + Named(cipher) + ")";
        }

        if (oid.StartsWith(Pkcs12PbePrefix, StringComparison.Ordinal) || oid.StartsWith(Pkcs5Prefix, StringComparison.Ordinal))
        {
            return Named(oid);
        }

        return null;
    }

    /// <summary>Key-derivation iterations one attempt costs, or null when unknown (then it is not attempted).</summary>
    public static long? Iterations(AlgorithmIdentifier algorithm)
    {
        var oid = algorithm.Algorithm.Id;
        if (oid == PkcsObjectIdentifiers.IdPbeS2.Id)
        {
            var kdf = PbeS2Parameters.GetInstance(algorithm.Parameters).KeyDerivationFunc;
            return kdf.Algorithm.Equals(PkcsObjectIdentifiers.IdPbkdf2) ? Bounded(Pbkdf2Params.GetInstance(kdf.Parameters).IterationCount) : null;
        }

        if (oid.StartsWith(Pkcs12PbePrefix, StringComparison.Ordinal))
        {
            return Bounded(Pkcs12PbeParams.GetInstance(algorithm.Parameters).Iterations);
        }

        return oid.StartsWith(Pkcs5Prefix, StringComparison.Ordinal) ? Bounded(PbeParameter.GetInstance(algorithm.Parameters).IterationCount) : null;
    }

    private static long Bounded(Org.BouncyCastle.Math.BigInteger value) =>
        value.BitLength > 40 || value.SignValue < 0 ? long.MaxValue : value.LongValue;

    private static string Named(string oid) => oid switch
    {
        "1.2.840.113549.1.5.12" => "PBKDF2",
        "1.3.6.1.4.1.11591.4.11" => "scrypt",
        "2.16.840.1.101.3.4.1.2" => "AES-128-CBC",
        "2.16.840.1.101.3.4.1.22" => "AES-192-CBC",
        "2.16.840.1.101.3.4.1.42" => "AES-256-CBC",
        "1.2.840.113549.3.7" => "DES-EDE3-CBC",
        "1.3.14.3.2.7" => "DES-CBC",
        "1.2.840.113549.1.12.1.1" => "pbeWithSHAAnd128BitRC4",
        "1.2.840.113549.1.12.1.2" => "pbeWithSHAAnd40BitRC4",
        "1.2.840.113549.1.12.1.3" => "pbeWithSHAAnd3-KeyTripleDES-CBC",
        "1.2.840.113549.1.12.1.4" => "pbeWithSHAAnd2-KeyTripleDES-CBC",
        "1.2.840.113549.1.12.1.5" => "pbeWithSHAAnd128BitRC2-CBC",
        "1.2.840.113549.1.12.1.6" => "pbeWithSHAAnd40BitRC2-CBC",
        "1.2.840.113549.1.5.3" => "pbeWithMD5AndDES-CBC",
        "1.2.840.113549.1.5.10" => "pbeWithSHA1AndDES-CBC",
        _ => string.Create(CultureInfo.InvariantCulture, $"OID {oid}"),
    };
}
