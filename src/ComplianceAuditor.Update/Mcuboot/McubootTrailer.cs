namespace ComplianceAuditor.Update.Mcuboot;

/// <summary>
/// The image trailer at the end of an MCUboot slot, present when a whole slot was dumped rather than just the image.
/// Its state says how the bootloader treats the image across a reset: a test image that never confirms itself is
/// reverted, which is the power-fail and bad-update recovery that swap modes give.
/// </summary>
/// <param name="ImageOk">The image-ok flag: true once the running image confirmed itself, null when unset (erased).</param>
/// <param name="SwapType">The pending swap as MCUboot names it ("test", "permanent", "revert"), or null when unset.</param>
public sealed record McubootTrailer(bool? ImageOk, string? SwapType)
{
    /// <summary>The trailer magic with an 8-byte maximum write alignment, the common case.</summary>
    private static readonly byte[] Magic = [0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f, 0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80];


    /// <summary>The trailer ending the slot, or null when the bytes end without one (a bare image).</summary>
    public static McubootTrailer? TryRead(ReadOnlySpan<byte> slot, int imageEnd)
    {
        // The trailer sits past the image: a file that ends right after its TLVs has none.
        if (slot.Length - imageEnd < 48)
        {
            return null;
        }

        // Only the common 8-byte write alignment is read: with larger alignments the fields' placement depends on
        // the MCUboot version, and a wrong reading would be worse than none.
        var end = slot.Length;
        const int align = 8;
        if (!slot[(end - 16)..].SequenceEqual(Magic))
        {
            return null;
        }

        // From the magic backwards, each padded to the alignment: image-ok, copy-done, swap-info.
        var imageOk = slot[end - 16 - align];
        var swapInfo = slot[end - 16 - (3 * align)];
        return new McubootTrailer(
            imageOk switch { 0x01 => true, 0xff => null, _ => false },
            (swapInfo & 0x0f) switch { 2 => "test", 3 => "permanent", 4 => "revert", 1 => "none", _ => null });
    }
}
