using ComplianceAuditor.Elf.Tests.Building;

namespace ComplianceAuditor.Elf.Tests;

public sealed class SearchPathTests
{
    [Fact]
    public void A_wholly_empty_runpath_has_no_entries_because_the_loader_ignores_it()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.SharedObject }.Dynamic((ElfDynamicTags.RunPath, "")).Build().Parse();

        Assert.Empty(elf.RunPath);
    }

    [Fact]
    public void An_empty_element_inside_a_list_is_kept_because_it_means_the_current_directory()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.SharedObject }.Dynamic((ElfDynamicTags.RPath, "/a::/b")).Build().Parse();

        Assert.Equal(["/a", "", "/b"], elf.RPath);
    }
}
