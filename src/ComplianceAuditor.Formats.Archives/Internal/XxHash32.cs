using System.Buffers.Binary;
using System.Numerics;

namespace ComplianceAuditor.Formats.Archives.Internal;

/// <summary>XXH32, which the LZ4 frame format uses for its header check byte.</summary>
internal static class XxHash32
{
    private const uint Prime1 = 2654435761U;
    private const uint Prime2 = 2246822519U;
    private const uint Prime3 = 3266489917U;
    private const uint Prime4 = 668265263U;
    private const uint Prime5 = 374761393U;

    public static uint Compute(ReadOnlySpan<byte> data, uint seed = 0)
    {
        uint hash;
        var rest = data;
        if (data.Length >= 16)
        {
            var v1 = seed + Prime1 + Prime2;
            var v2 = seed + Prime2;
            var v3 = seed;
            var v4 = seed - Prime1;
            while (rest.Length >= 16)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt32LittleEndian(rest));
                v2 = Round(v2, BinaryPrimitives.ReadUInt32LittleEndian(rest[4..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt32LittleEndian(rest[8..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt32LittleEndian(rest[12..]));
                rest = rest[16..];
            }

            hash = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
        }
        else
        {
            hash = seed + Prime5;
        }

        hash += (uint)data.Length;
        while (rest.Length >= 4)
        {
            hash = BitOperations.RotateLeft(hash + (BinaryPrimitives.ReadUInt32LittleEndian(rest) * Prime3), 17) * Prime4;
            rest = rest[4..];
        }

        foreach (var b in rest)
        {
            hash = BitOperations.RotateLeft(hash + (b * Prime5), 11) * Prime1;
        }

        hash ^= hash >> 15;
        hash *= Prime2;
        hash ^= hash >> 13;
        hash *= Prime3;
        hash ^= hash >> 16;
        return hash;
    }

    private static uint Round(uint accumulator, uint lane) => BitOperations.RotateLeft(accumulator + (lane * Prime2), 13) * Prime1;
}
