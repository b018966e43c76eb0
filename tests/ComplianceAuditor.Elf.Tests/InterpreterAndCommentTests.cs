using ComplianceAuditor.Elf.Tests.Building;

namespace ComplianceAuditor.Elf.Tests;

public sealed class InterpreterAndCommentTests
{
    [Theory]
    [InlineData(false, true, "/lib/ld-uClibc.so.0")]
    [InlineData(true, false, "/lib64/ld-linux-x86-64.so.2")]
    public void Interpreter_is_the_PT_INTERP_string(bool is64, bool bigEndian, string path)
    {
        var elf = new ElfBuilder(is64, bigEndian).Interpreter(path).Build().Parse();

        Assert.Equal(path, elf.Interpreter);
    }

    [Fact]
    public void A_static_executable_has_no_interpreter()
    {
        var elf = new ElfBuilder().Segment(ElfSegment.PtGnuStack, ElfSegment.FlagRead | ElfSegment.FlagWrite).Build().Parse();

        Assert.Null(elf.Interpreter);
    }

    [Fact]
    public void Comment_strings_are_split_at_NUL_and_repeated_ones_kept_once()
    {
        var elf = new ElfBuilder()
            .Comment("GCC: (Debian 12.2.0-14) 12.2.0", "GCC: (Debian 12.2.0-14) 12.2.0", "clang version 16.0.6", "")
            .Build().Parse();

        Assert.Equal(["GCC: (Debian 12.2.0-14) 12.2.0", "clang version 16.0.6"], elf.Comments);
    }

    [Fact]
    public void A_file_without_a_comment_section_has_no_comments()
    {
        var elf = new ElfBuilder().Build().Parse();

        Assert.Empty(elf.Comments);
    }
}
