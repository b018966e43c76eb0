using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Formats.DeviceTree;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>
/// Rebuilds the SubjectPublicKeyInfo of a control-DTB key from the parts mkimage writes: <c>rsa,modulus</c> and
/// <c>rsa,exponent</c> (big-endian; the exponent is 65537 when absent, as U-Boot assumes), or <c>ecdsa,curve</c> with
/// <c>ecdsa,x-point</c> and <c>ecdsa,y-point</c>. The SPKI is what trust anchors and the test-key catalogue are
/// compared by.
/// </summary>
internal static class FitKeySpki
{
    /// <summary>RSA moduli beyond this are not keys anyone signs with; refusing them bounds the work on a hostile tree.</summary>
    private const int MaxRsaBits = 16384;

    public static byte[]? Rsa(FdtNode key, out int? bits, out string? problem)
    {
        bits = (int?)key.GetProperty("rsa,num-bits")?.AsUInt32();
        problem = null;
        if (key.GetProperty("rsa,modulus") is not { IsValueLoaded: true, Length: > 0 } modulusProperty)
        {
            problem = "no rsa,modulus property";
            return null;
        }

        var modulus = modulusProperty.Value.Span.TrimStart((byte)0);
        bits ??= modulus.Length * 8;
        if (modulus.Length * 8L > MaxRsaBits || modulus.Length * 8 < bits - 7 || modulus.Length * 8 > bits)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"rsa,modulus has {modulusProperty.Length} bytes, which does not fit rsa,num-bits {bits}");
            return null;
        }

        var exponent = key.GetProperty("rsa,exponent") is { } e ? e.AsUInt64() ?? e.AsUInt32() : 65537;
        if (exponent is null or 0)
        {
            problem = "rsa,exponent is not a usable number";
            return null;
        }

        Span<byte> big = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(big, exponent.Value);
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportParameters(new RSAParameters { Modulus = modulus.ToArray(), Exponent = big.TrimStart((byte)0).ToArray() });
            return rsa.ExportSubjectPublicKeyInfo();
        }
        catch (CryptographicException ex)
        {
            problem = "the RSA key parts are not a valid key: " + ex.Message;
            return null;
        }
    }

    public static byte[]? Ecdsa(FdtNode key, out int? bits, out string? curveName, out string? problem)
    {
        curveName = key.GetProperty("ecdsa,curve")?.AsString();
        bits = null;
        problem = null;
        (ECCurve Curve, int Bits)? curve = curveName switch
        {
            "prime256v1" or "secp256r1" => (ECCurve.NamedCurves.nistP256, 256),
            "secp384r1" => (ECCurve.NamedCurves.nistP384, 384),
            "secp521r1" => (ECCurve.NamedCurves.nistP521, 521),
            _ => null,
        };
        if (curve is null)
        {
            problem = $"ecdsa,curve '{curveName ?? "(none)"}' is not a curve U-Boot verifies with";
            return null;
        }

        bits = curve.Value.Bits;
        var size = (curve.Value.Bits + 7) / 8;
        var x = Coordinate(key, "ecdsa,x-point", size);
        var y = Coordinate(key, "ecdsa,y-point", size);
        if (x is null || y is null)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"ecdsa,x-point or ecdsa,y-point is missing or longer than {size} bytes");
            return null;
        }

        try
        {
            using var ecdsa = System.Security.Cryptography.ECDsa.Create(new ECParameters { Curve = curve.Value.Curve, Q = new ECPoint { X = x, Y = y } });
            return ecdsa.ExportSubjectPublicKeyInfo();
        }
        catch (CryptographicException ex)
        {
            problem = "the ECDSA point is not on the curve: " + ex.Message;
            return null;
        }
    }

    /// <summary>A big-endian coordinate left-padded to the curve's size (mkimage writes whole 32-bit cells).</summary>
    private static byte[]? Coordinate(FdtNode key, string name, int size)
    {
        if (key.GetProperty(name) is not { IsValueLoaded: true } property)
        {
            return null;
        }

        var value = property.Value.Span.TrimStart((byte)0);
        if (value.Length > size)
        {
            return null;
        }

        var padded = new byte[size];
        value.CopyTo(padded.AsSpan(size - value.Length));
        return padded;
    }
}
