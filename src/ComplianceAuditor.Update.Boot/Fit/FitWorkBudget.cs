using System.Globalization;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>
/// Bounds the cryptographic work one FIT can ask for. Image nodes may point their external data at the same bytes
/// and carry any number of hash and signature nodes, and each signature is tried against every candidate key, so a
/// small hostile file could otherwise demand hours of hashing. Real FITs stay far below both limits.
/// </summary>
internal sealed class FitWorkBudget(long inputLength)
{
    /// <summary>Signature nodes verified per FIT; mkimage FITs have a handful, the libfdtxx test FIT 28.</summary>
    public const int MaxSignatures = 256;

    private int _signatures = MaxSignatures;

    /// <summary>Bytes hashed in all: every byte of the file a few times over, plus room for small files.</summary>
    private long _bytes = (8 * inputLength) + (64L << 20);

    public static string Problem => string.Create(CultureInfo.InvariantCulture,
        $"the FIT asks for more checking than the limits allow (at most {MaxSignatures} signatures and a few passes over the file); some hashes or signatures were not checked");

    public bool Exhausted { get; private set; }

    public bool TakeSignature()
    {
        if (_signatures == 0)
        {
            Exhausted = true;
            return false;
        }

        _signatures--;
        return true;
    }

    public bool TakeHash(long length)
    {
        if (length > _bytes)
        {
            Exhausted = true;
            return false;
        }

        _bytes -= length;
        return true;
    }
}
