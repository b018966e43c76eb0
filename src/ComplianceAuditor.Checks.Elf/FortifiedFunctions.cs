namespace ComplianceAuditor.Checks.Elf;

/// <summary>
/// The <c>__*_chk</c> functions glibc provides for FORTIFY_SOURCE. Used when the image carries no C library of its
/// own to count against; otherwise <see cref="ImageLibc"/> reads that library's exports. glibc 2.38's checked strlcpy
/// family is left out: on older systems programs take strlcpy from libbsd, which has no checked variant.
/// </summary>
internal static class FortifiedFunctions
{
    public static readonly IReadOnlySet<string> Glibc = new HashSet<string>(StringComparer.Ordinal)
    {
        "__asprintf_chk", "__confstr_chk", "__dprintf_chk", "__explicit_bzero_chk", "__fdelt_chk", "__fgets_chk",
        "__fgets_unlocked_chk", "__fgetws_chk", "__fgetws_unlocked_chk", "__fprintf_chk", "__fread_chk",
        "__fread_unlocked_chk", "__fwprintf_chk", "__getcwd_chk", "__getdomainname_chk", "__getgroups_chk",
        "__gethostname_chk", "__getlogin_r_chk", "__gets_chk", "__getwd_chk", "__longjmp_chk", "__mbsnrtowcs_chk",
        "__mbsrtowcs_chk", "__mbstowcs_chk", "__memcpy_chk", "__memmove_chk", "__mempcpy_chk", "__memset_chk",
        "__obstack_printf_chk", "__obstack_vprintf_chk", "__poll_chk", "__ppoll_chk", "__pread64_chk", "__pread_chk",
        "__printf_chk", "__ptsname_r_chk", "__read_chk", "__readlink_chk", "__readlinkat_chk", "__realpath_chk",
        "__recv_chk", "__recvfrom_chk", "__snprintf_chk", "__sprintf_chk", "__stpcpy_chk", "__stpncpy_chk",
        "__strcat_chk", "__strcpy_chk", "__strncat_chk", "__strncpy_chk",
        "__swprintf_chk", "__syslog_chk", "__ttyname_r_chk", "__vasprintf_chk", "__vdprintf_chk", "__vfprintf_chk",
        "__vfwprintf_chk", "__vprintf_chk", "__vsnprintf_chk", "__vsprintf_chk", "__vswprintf_chk", "__vsyslog_chk",
        "__vwprintf_chk", "__wcpcpy_chk", "__wcpncpy_chk", "__wcrtomb_chk", "__wcscat_chk", "__wcscpy_chk",
        "__wcsncat_chk", "__wcsncpy_chk", "__wcsnrtombs_chk", "__wcsrtombs_chk",
        "__wcstombs_chk", "__wctomb_chk", "__wmemcpy_chk", "__wmemmove_chk", "__wmempcpy_chk", "__wmemset_chk",
        "__wprintf_chk",
    };

    /// <summary>The plain function a <c>__name_chk</c> fortifies (<c>__memcpy_chk</c> to <c>memcpy</c>).</summary>
    public static string? Unfortified(string chk) =>
        chk.StartsWith("__", StringComparison.Ordinal) && chk.EndsWith("_chk", StringComparison.Ordinal) && chk.Length > 6
            ? chk[2..^4]
            : null;
}
