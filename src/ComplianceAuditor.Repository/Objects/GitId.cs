using System.Buffers.Binary;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Objects;

/// <summary>
/// A SHA-1 object id held in three numbers: a tree walk compares hundreds of thousands of entry ids, and LibGit2Sharp's
/// <see cref="ObjectId"/> spells each one out as a 40-character string when it is made.
/// </summary>
internal readonly record struct GitId(ulong High, ulong Middle, uint Low)
{
    public static GitId From(ReadOnlySpan<byte> raw) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(raw), BinaryPrimitives.ReadUInt64BigEndian(raw[8..]), BinaryPrimitives.ReadUInt32BigEndian(raw[16..]));

    public static GitId From(ObjectId id) => From(id.RawId);

    public void WriteTo(Span<byte> raw)
    {
        BinaryPrimitives.WriteUInt64BigEndian(raw, High);
        BinaryPrimitives.WriteUInt64BigEndian(raw[8..], Middle);
        BinaryPrimitives.WriteUInt32BigEndian(raw[16..], Low);
    }

    public ObjectId ToObjectId()
    {
        var raw = new byte[20];
        WriteTo(raw);
        return new ObjectId(raw);
    }
}
