using ComplianceAuditor.Elf.Tests.Building;

namespace ComplianceAuditor.Elf.Tests;

public sealed class ElfKindTests
{
    [Fact]
    public void ET_EXEC_is_an_executable()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.Executable }.Interpreter("/lib/ld-linux.so.3").Build().Parse();

        Assert.Equal(ElfKind.Executable, elf.Kind);
    }

    [Fact]
    public void ET_DYN_with_DF_1_PIE_is_a_position_independent_executable()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Dynamic((ElfDynamicTags.Needed, "libc.so.6"), (ElfDynamicTags.Flags1, ElfDynamicTags.Df1Pie | ElfDynamicTags.Df1Now))
            .Build().Parse();

        Assert.Null(elf.Interpreter);
        Assert.Equal(ElfKind.PositionIndependentExecutable, elf.Kind);
    }

    [Fact]
    public void DF_1_PIE_wins_even_over_a_SONAME()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Dynamic((ElfDynamicTags.SoName, "odd.so"), (ElfDynamicTags.Flags1, ElfDynamicTags.Df1Pie))
            .Build().Parse();

        Assert.Equal(ElfKind.PositionIndependentExecutable, elf.Kind);
    }

    [Fact]
    public void ET_DYN_with_an_interpreter_a_debugger_hook_and_no_SONAME_is_a_position_independent_executable()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Interpreter("/lib/ld-musl-armhf.so.1")
            .Dynamic((ElfDynamicTags.Needed, "libc.so"), (ElfDynamicTags.Debug, 0UL))
            .Build().Parse();

        Assert.Equal(0UL, elf.Flags1);
        Assert.Equal(ElfKind.PositionIndependentExecutable, elf.Kind);
    }

    [Fact]
    public void ET_DYN_plugin_with_an_interpreter_but_no_debugger_hook_is_a_shared_library()
    {
        // Like pam_cap.so: runnable to print its version, yet loaded as a library.
        var elf = new ElfBuilder { Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Interpreter("/lib64/ld-linux-x86-64.so.2")
            .Dynamic((ElfDynamicTags.Needed, "libc.so.6"))
            .Build().Parse();

        Assert.Equal(ElfKind.SharedLibrary, elf.Kind);
    }

    [Fact]
    public void ET_DYN_with_a_SONAME_and_an_interpreter_like_libc_is_a_shared_library()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Interpreter("/lib64/ld-linux-x86-64.so.2")
            .Dynamic((ElfDynamicTags.Needed, "ld-linux-x86-64.so.2"), (ElfDynamicTags.SoName, "libc.so.6"))
            .Build().Parse();

        Assert.Equal("libc.so.6", elf.SoName);
        Assert.Equal(ElfKind.SharedLibrary, elf.Kind);
    }

    [Fact]
    public void ET_DYN_without_an_interpreter_is_a_shared_library()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Dynamic((ElfDynamicTags.Needed, "libc.so.6"))
            .Build().Parse();

        Assert.Null(elf.SoName);
        Assert.Equal(ElfKind.SharedLibrary, elf.Kind);
    }

    [Fact]
    public void ET_REL_is_a_relocatable_object()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.Relocatable, BaseAddress = 0 }
            .Section(".text", ElfSection.ShtProgBits, [0xc3], ElfBuilder.ShfAlloc | ElfBuilder.ShfExec)
            .Build().Parse();

        Assert.Equal(ElfKind.Relocatable, elf.Kind);
    }

    [Theory]
    [InlineData(".modinfo")]
    [InlineData(".gnu.linkonce.this_module")]
    public void ET_REL_with_a_kernel_module_section_is_a_kernel_module(string section)
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.Relocatable, BaseAddress = 0 }
            .Section(section, ElfSection.ShtProgBits, "license=GPL\0vermagic=6.1.0 SMP mod_unload \0"u8.ToArray(), ElfBuilder.ShfAlloc)
            .Build().Parse();

        Assert.Equal(ElfKind.KernelModule, elf.Kind);
    }

    [Fact]
    public void ET_CORE_is_a_core_dump()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.Core }.Note("note0", "CORE", 1, new byte[16]).Build().Parse();

        Assert.Equal(ElfKind.Core, elf.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0xfe00)]
    [InlineData(0xff00)]
    public void Other_e_types_are_other(ushort type)
    {
        var elf = new ElfBuilder { Type = type }.Build().Parse();

        Assert.Equal(type, elf.Header.Type);
        Assert.Equal(ElfKind.Other, elf.Kind);
    }
}
