using System.Runtime.InteropServices;

namespace ComplianceAuditor.Core.IO;

/// <summary>
/// stat/lstat through Linux's statx(2), whose result layout is the same on every architecture. .NET reports a FIFO or
/// a device node as an ordinary file of length 0, and opening a FIFO blocks until something writes to it, so whatever
/// opens a path it did not create (an extractor's output, a user's theme or template, a target's files) asks the
/// kernel for the type first. One implementation for all of them.
/// </summary>
public static class UnixFileStatus
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7FF;
    private const uint TypeMask = 0xF000;
    private const uint Regular = 0x8000;
    private const uint Directory = 0x4000;
    private const uint SymbolicLink = 0xA000;

    // Set once statx proved unavailable (a libc without it), so it is not tried again for every file.
    private static volatile bool s_unavailable;

    /// <summary>
    /// The status of <paramref name="path"/> (of the path itself when <paramref name="followLinks"/> is false), or null
    /// off Linux, where statx is unavailable, or when the call fails (the file vanished: the open then says so).
    /// </summary>
    public static FileStatus? TryStat(string path, bool followLinks)
    {
        if (s_unavailable || !OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var flags = followLinks ? 0 : AtSymlinkNoFollow;
            if (NativeMethods.statx(AtFdCwd, path, flags, StatxBasicStats, out var buffer) != 0)
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

    /// <summary>
    /// False only when the kernel says <paramref name="path"/> is something other than a regular file (a FIFO, device,
    /// socket, folder; a link itself when links are not followed). Where it cannot be asked the answer is true: callers
    /// read with a size bound anyway.
    /// </summary>
    public static bool IsRegularOrUnknown(string path, bool followLinks) =>
        TryStat(path, followLinks) is not { } status || (status.Mode & TypeMask) == Regular;

    /// <summary>True for a FIFO, device node or socket (links not followed); false for a file, folder or link; null when unknown.</summary>
    public static bool? IsSpecial(string path) =>
        TryStat(path, followLinks: false) is { } status ? (status.Mode & TypeMask) is not (Regular or Directory or SymbolicLink) : null;

    /// <summary>The fields of struct statx used here, at their fixed offsets.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
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

/// <summary>What stat says about one path: st_mode (type and permissions), owner, size and device numbers.</summary>
public sealed record FileStatus(uint Mode, uint Uid, uint Gid, long Size, uint DeviceMajor, uint DeviceMinor);
