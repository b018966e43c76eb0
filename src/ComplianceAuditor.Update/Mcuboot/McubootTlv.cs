namespace ComplianceAuditor.Update.Mcuboot;

/// <summary>One TLV of an MCUboot image: its type, where its value lies in the image, and which area holds it.</summary>
public readonly record struct McubootTlv(ushort Type, int ValueOffset, int Length, bool Protected)
{
    public const ushort KeyHash = 0x01;
    public const ushort PublicKey = 0x02;
    public const ushort Sha256 = 0x10;
    public const ushort Sha384 = 0x11;
    public const ushort Sha512 = 0x12;
    public const ushort Rsa2048Pss = 0x20;
    public const ushort Ecdsa224 = 0x21;
    public const ushort EcdsaSignature = 0x22;
    public const ushort Rsa3072Pss = 0x23;
    public const ushort Ed25519 = 0x24;
    public const ushort SignaturePure = 0x25;
    public const ushort Dependency = 0x40;
    public const ushort SecurityCounter = 0x50;
    public const ushort BootRecord = 0x60;

    public ReadOnlySpan<byte> Value(ReadOnlySpan<byte> image) => image.Slice(ValueOffset, Length);

    public bool IsSignature => Type is Rsa2048Pss or Ecdsa224 or EcdsaSignature or Rsa3072Pss or Ed25519;
}
