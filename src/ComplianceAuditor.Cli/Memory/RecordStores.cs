using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Cli.Memory;

/// <summary>The store of packed artifacts and results of one command, spilling into its private work folder.</summary>
internal static class RecordStores
{
    /// <summary>
    /// Memory for packed records before the rest goes to disk: all of them on trees of tens of thousands of files
    /// (a firmware image), a flat cost past that.
    /// </summary>
    public const long MemoryBudget = 32L << 20;

    /// <summary>A store in <paramref name="work"/>; dispose it before the folder, which cannot go while the file is open on Windows.</summary>
    public static BlockStore In(PrivateWorkFolder work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return new BlockStore(work.Path, MemoryBudget);
    }
}
