namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>A regular file in a .swu: its name and where its bytes lie in the archive.</summary>
internal sealed record SwuMember(string Name, long Offset, long Size)
{
    public ReadOnlyMemory<byte> Content(ReadOnlyMemory<byte> archive) => archive.Slice((int)Offset, (int)Size);
}
