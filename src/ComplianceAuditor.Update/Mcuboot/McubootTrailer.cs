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

    /// <summary>The last 14 bytes of the magic when the alignment is larger and the first two bytes hold it.</summary>
    private static readonly byte[] WideMagicTail = [0x2d, 0xe1, 0x5d, 0x29, 0x41, 0x0b, 0x8d, 0x77, 0x67, 0x9c, 0x11, 0x0f, 0x1f, 0x8a];

    /// <summary>The trailer ending the slot, or null when the bytes end without one (a bare image).</summary>
    public static McubootTrailer? TryRead(ReadOnlySpan<byte> slot, int imageEnd)
    {
        // The trailer sits past the image: a file that ends right after its TLVs has none.
        if (slot.Length - imageEnd < 48)
        {
            return null;
        }

        var end = slot.Length;
        int align;
        if (slot[(end - 16)..].SequenceEqual(Magic))
        {
            align = 8;
        }
        else if (slot[(end - 14)..].SequenceEqual(WideMagicTail))
        {
            align = slot[end - 16] | (slot[end - 15] << 8);
            if (align is < 8 or > 64 || (align & (align - 1)) != 0 || end - 16 - (3 * align) < imageEnd)
            {
                return null;
            }
        }
        else
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
