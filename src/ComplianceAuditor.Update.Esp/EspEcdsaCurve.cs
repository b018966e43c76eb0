using System.Security.Cryptography;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// A curve an ESP Secure Boot v2 ECDSA block can name (its <c>curve_id</c>), with the size of one coordinate and
/// whether this platform's cryptography can verify on it: .NET uses the system library (OpenSSL on Linux), and a
/// build may lack the legacy P-192.
/// </summary>
internal sealed class EspEcdsaCurve
{
    private readonly Lazy<bool> _supported;

    private EspEcdsaCurve(byte id, string name, string oid, int coordinateSize)
    {
        Id = id;
        Name = name;
        Oid = oid;
        CoordinateSize = coordinateSize;
        _supported = new Lazy<bool>(Probe);
    }

    public static EspEcdsaCurve P192 { get; } = new(1, "P-192", "1.2.840.10045.3.1.1", 24);

    public static EspEcdsaCurve P256 { get; } = new(2, "P-256", "1.2.840.10045.3.1.7", 32);

    public static EspEcdsaCurve P384 { get; } = new(3, "P-384", "1.3.132.0.34", 48);

    public byte Id { get; }

    public string Name { get; }

    public string Oid { get; }

    /// <summary>Bytes of one coordinate (and of r and of s).</summary>
    public int CoordinateSize { get; }

    public bool IsSupported => _supported.Value;

    public static EspEcdsaCurve? FromId(byte id) => id switch
    {
        1 => P192,
        2 => P256,
        3 => P384,
        _ => null,
    };

    private bool Probe()
    {
        try
        {
            using var key = ECDsa.Create(ECCurve.CreateFromValue(Oid));
            return key.KeySize > 0;
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
