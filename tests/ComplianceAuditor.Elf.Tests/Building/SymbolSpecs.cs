namespace ComplianceAuditor.Elf.Tests.Building;

/// <summary>A symbol for <see cref="ElfBuilder.DynamicSymbols"/> or <see cref="ElfBuilder.Symbols"/>.</summary>
/// <param name="Section">The defining section's name, <c>*ABS*</c> for SHN_ABS, or null for an undefined symbol.</param>
/// <param name="VersionIndex">The raw <c>.gnu.version</c> value (bit 15 marks a hidden version).</param>
internal sealed record SymbolSpec(
    string Name,
    string? Section = null,
    byte Type = ElfSymbol.SttFunc,
    byte Binding = ElfSymbol.StbGlobal,
    ulong Value = 0,
    ulong Size = 0,
    ushort VersionIndex = 0);

/// <summary>One Verneed entry: a needed file and the versions it must provide, each with its version index.</summary>
internal sealed record VersionNeed(string File, params (string Name, ushort Index)[] Versions);

/// <summary>One Verdef entry.</summary>
internal sealed record VersionDef(ushort Index, string Name, ushort Flags = 0);
