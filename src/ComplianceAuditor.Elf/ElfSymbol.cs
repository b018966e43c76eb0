namespace ComplianceAuditor.Elf;

/// <summary>A symbol of <c>.dynsym</c> or <c>.symtab</c>.</summary>
public sealed record ElfSymbol
{
    public const byte SttNoType = 0;
    public const byte SttObject = 1;
    public const byte SttFunc = 2;
    public const byte SttSection = 3;
    public const byte SttFile = 4;
    public const byte StbLocal = 0;
    public const byte StbGlobal = 1;
    public const byte StbWeak = 2;
    public const ushort ShnUndef = 0;
    public const ushort ShnAbs = 0xfff1;
    public const ushort ShnCommon = 0xfff2;

    public required int Index { get; init; }

    public required string Name { get; init; }

    public required ulong Value { get; init; }

    public required ulong Size { get; init; }

    public required byte Type { get; init; }

    public required byte Binding { get; init; }

    public required byte Visibility { get; init; }

    public required ushort SectionIndex { get; init; }

    /// <summary>The section the symbol is defined in; null for undefined, absolute and common symbols.</summary>
    public string? SectionName { get; init; }

    /// <summary>The symbol version from <c>.gnu.version</c> (for example <c>GLIBC_2.2.5</c>); null when unversioned.</summary>
    public string? Version { get; init; }

    /// <summary>True for a version marked hidden (<c>@</c> rather than <c>@@</c>).</summary>
    public bool VersionHidden { get; init; }

    /// <summary>Undefined and not the null symbol: something the file imports.</summary>
    public bool IsImport => SectionIndex == ShnUndef && Index > 0 && Name.Length > 0;

    /// <summary>Defined and global or weak: something the file exports.</summary>
    public bool IsExport => SectionIndex != ShnUndef && Binding is StbGlobal or StbWeak;

    public bool IsLocal => Binding == StbLocal;
}
