namespace ComplianceAuditor.Credentials.Crypt;

/// <summary>
/// DES with the one twist crypt(3) needs: a 12-bit salt that swaps bits of the expansion. Written for clarity first;
/// the round function uses combined S-box and P tables so that 25 encryptions per password stay cheap.
/// </summary>
internal static class DesCipher
{
    private static readonly uint[] SpBoxes = BuildSpBoxes();
    private static readonly byte[] FinalPermutation = Invert(DesTables.InitialPermutation);

    /// <summary>Plain DES of one block (no salt), for checking the cipher against the standard's examples.</summary>
    public static ulong Encrypt(ulong key, ulong block)
    {
        Span<ulong> roundKeys = stackalloc ulong[16];
        ExpandKey(key, roundKeys);
        var permuted = Permute(block, 64, DesTables.InitialPermutation);
        var left = (uint)(permuted >> 32);
        var right = (uint)permuted;
        Rounds(ref left, ref right, roundKeys, 0, 0);
        return Permute(((ulong)right << 32) | left, 64, FinalPermutation);
    }

    /// <summary>
    /// Encrypts the zero block <paramref name="iterations"/> times in a row, as crypt(3) does. The initial and final
    /// permutations between iterations cancel out, so they are applied once at the end only (the zero block is its
    /// own initial permutation).
    /// </summary>
    public static ulong EncryptZeroRepeatedly(ulong key, int saltMaskLow, int saltMaskHigh, int iterations)
    {
        Span<ulong> roundKeys = stackalloc ulong[16];
        ExpandKey(key, roundKeys);
        uint left = 0;
        uint right = 0;
        for (var i = 0; i < iterations; i++)
        {
            Rounds(ref left, ref right, roundKeys, saltMaskLow, saltMaskHigh);
            (left, right) = (right, left);
        }

        return Permute(((ulong)left << 32) | right, 64, FinalPermutation);
    }

    public static ulong Permute(ulong input, int inputWidth, ReadOnlySpan<byte> table)
    {
        ulong output = 0;
        foreach (var position in table)
        {
            output = (output << 1) | ((input >> (inputWidth - position)) & 1);
        }

        return output;
    }

    private static void Rounds(ref uint left, ref uint right, ReadOnlySpan<ulong> roundKeys, int saltMaskLow, int saltMaskHigh)
    {
        for (var round = 0; round < 16; round++)
        {
            var next = left ^ Feistel(right, roundKeys[round], saltMaskLow, saltMaskHigh);
            left = right;
            right = next;
        }
    }

    private static uint Feistel(uint right, ulong roundKey, int saltMaskLow, int saltMaskHigh)
    {
        // E expands R to eight 6-bit groups, each overlapping its neighbours by a bit: with R's last bit put before it
        // and its first bit after it (34 bits), group j is simply bits 4j..4j+5 from the top.
        var wrapped = ((ulong)(right & 1) << 33) | ((ulong)right << 1) | (right >> 31);
        Span<int> groups = stackalloc int[8];
        for (var j = 0; j < 8; j++)
        {
            groups[j] = (int)((wrapped >> (28 - (4 * j))) & 0x3F);
        }

        // The salt swaps expansion bits i and i+24 for each of its 12 bits: groups 0 with 4 and 1 with 5.
        var swap = (groups[0] ^ groups[4]) & saltMaskLow;
        groups[0] ^= swap;
        groups[4] ^= swap;
        swap = (groups[1] ^ groups[5]) & saltMaskHigh;
        groups[1] ^= swap;
        groups[5] ^= swap;

        uint result = 0;
        for (var j = 0; j < 8; j++)
        {
            var input = groups[j] ^ (int)((roundKey >> (42 - (6 * j))) & 0x3F);
            result |= SpBoxes[(j * 64) + input];
        }

        return result;
    }

    private static void ExpandKey(ulong key, Span<ulong> roundKeys)
    {
        var halves = Permute(key, 64, DesTables.PermutedChoice1);
        var c = (uint)(halves >> 28) & 0x0FFFFFFF;
        var d = (uint)halves & 0x0FFFFFFF;
        for (var round = 0; round < 16; round++)
        {
            int shift = DesTables.Rotations[round];
            c = ((c << shift) | (c >> (28 - shift))) & 0x0FFFFFFF;
            d = ((d << shift) | (d >> (28 - shift))) & 0x0FFFFFFF;
            roundKeys[round] = Permute(((ulong)c << 28) | d, 56, DesTables.PermutedChoice2);
        }
    }

    private static uint[] BuildSpBoxes()
    {
        var table = new uint[8 * 64];
        for (var box = 0; box < 8; box++)
        {
            for (var input = 0; input < 64; input++)
            {
                var row = ((input >> 4) & 2) | (input & 1);
                var column = (input >> 1) & 0xF;
                var value = (ulong)DesTables.SBoxes[(box * 64) + (row * 16) + column] << (28 - (4 * box));
                table[(box * 64) + input] = (uint)Permute(value, 32, DesTables.Permutation);
            }
        }

        return table;
    }

    private static byte[] Invert(ReadOnlySpan<byte> permutation)
    {
        var inverse = new byte[permutation.Length];
        for (var i = 0; i < permutation.Length; i++)
        {
            inverse[permutation[i] - 1] = (byte)(i + 1);
        }

        return inverse;
    }
}
