using System.Runtime.InteropServices;

namespace ComplianceAuditor.Formats.FileSystems.External;

/// <summary>
/// lstat through Linux's statx(2), whose result layout is the same on every architecture. .NET reports no file type
/// beyond file, directory and link, and what an external extractor wrote may hold FIFOs or device nodes: opening a
/// FIFO to read it would block forever, so the type has to be known before anything is opened.
/// </summary>
internal static class UnixFileStatus
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7FF;

    // Set once statx proved unavailable (a libc without it), so it is not tried again for every file.
    private static volatile bool s_unavailable;

    /// <summary>The status of <paramref name="path"/> itself (links not followed), or null where statx is unavailable or fails.</summary>
    public static FileStatus? TryLstat(string path)
    {
        if (s_unavailable || !OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            if (NativeMethods.statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, out var buffer) != 0)
            {
                return null;
            }

            return new FileStatus(buffer.Mode, buffer.Uid, buffer.Gid, (long)buffer.Size, buffer.DeviceMajor, buffer.DeviceMinor);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            s_unavailable = true;
            return null;
        }
    }

    /// <summary>The fields of struct statx this reader uses, at their fixed offsets.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    internal struct StatxBuffer
    {
        [FieldOffset(20)]
        public uint Uid;

        [FieldOffset(24)]
        public uint Gid;

        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(128)]
        public uint DeviceMajor;

        [FieldOffset(132)]
        public uint DeviceMinor;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer buffer);
    }
}

/// <summary>What lstat says about one path: st_mode (type and permissions), owner, size and device numbers.</summary>
internal sealed record FileStatus(uint Mode, uint Uid, uint Gid, long Size, uint DeviceMajor, uint DeviceMinor);
