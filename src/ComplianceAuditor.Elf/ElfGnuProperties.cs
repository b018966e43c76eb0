namespace ComplianceAuditor.Elf;

/// <summary>
/// The control-flow protection bits of <c>.note.gnu.property</c>: x86 IBT and SHSTK (Intel CET), AArch64 BTI and
/// PAC. Null members mean the file carries no such property at all.
/// </summary>
public sealed record ElfGnuProperties
{
    public const uint X86Feature1And = 0xc0000002;
    public const uint AArch64Feature1And = 0xc0000000;

    public uint? X86Features { get; init; }

    public uint? AArch64Features { get; init; }

    // GetValueOrDefault: a lifted (null & 1) != 0 would be true.
    public bool X86Ibt => (X86Features.GetValueOrDefault() & 1) != 0;

    public bool X86Shstk => (X86Features.GetValueOrDefault() & 2) != 0;

    public bool AArch64Bti => (AArch64Features.GetValueOrDefault() & 1) != 0;

    public bool AArch64Pac => (AArch64Features.GetValueOrDefault() & 2) != 0;
}
