using System.Runtime.InteropServices;

namespace ComplianceAuditor.Inventory;

/// <summary>
/// Tells regular files from FIFOs, device nodes and sockets, which .NET reports alike. Opening a FIFO blocks and
/// reading a device may never end, so they must be known before anything is opened. Uses lstat(2) where the layout
/// of struct stat is known (Linux x64 and Arm64); elsewhere answers "unknown".
/// </summary>
internal static partial class UnixFileType
{
    private const uint TypeMask = 0xF000;
    private const uint Regular = 0x8000;
    private const uint Directory = 0x4000;
    private const uint SymbolicLink = 0xA000;

    /// <summary>True for a FIFO, device node or socket; false for a regular file, folder or link; null when unknown.</summary>
    public static bool? IsSpecial(string path)
    {
        var modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 when OperatingSystem.IsLinux() => 24,
            Architecture.Arm64 when OperatingSystem.IsLinux() => 16,
            _ => -1,
        };
        if (modeOffset < 0)
        {
            return null;
        }

        Span<byte> stat = stackalloc byte[256];
        try
        {
            if (LStat(path, ref MemoryMarshal.GetReference(stat)) != 0)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports only __lxstat; treat the type as unknown there.
            return null;
        }

        var type = BitConverter.ToUInt32(stat.Slice(modeOffset, 4)) & TypeMask;
        return type is not (Regular or Directory or SymbolicLink);
    }

    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LStat(string path, ref byte buffer);
}
