namespace ComplianceAuditor.Unpacking.Tests.TestFormats;

/// <summary>Filler data for carving tests.</summary>
internal static class Blobs
{
    /// <summary>
    /// Seeded random bytes, all with the top bit set: no ASCII magic ("TCNT", "TLAY") can appear in them by chance,
    /// so every image a test finds is one it placed.
    /// </summary>
    public static byte[] Noise(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] |= 0x80;
        }

        return bytes;
    }

    /// <summary>Copies <paramref name="image"/> into <paramref name="blob"/> at <paramref name="offset"/> and returns the blob.</summary>
    public static byte[] Place(this byte[] blob, long offset, byte[] image)
    {
        image.CopyTo(blob, offset);
        return blob;
    }
}
