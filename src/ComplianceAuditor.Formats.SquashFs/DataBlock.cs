using System.Buffers;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>One decompressed block in a buffer rented from the shared pool; whoever holds it returns it.</summary>
internal readonly record struct DataBlock(byte[] Buffer, int Length)
{
    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}
