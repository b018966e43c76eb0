namespace ComplianceAuditor.Update.Configuration.Views;

/// <summary>
/// A read-only view of a root file system (an unpacked firmware image, a build tree, or files built in memory), as
/// the update-configuration scan needs it: the list of regular files and a bounded read of one of them.
/// </summary>
/// <remarks>
/// Paths are rooted at <c>/</c> and use <c>/</c> as the separator (<c>/etc/swupdate.cfg</c>), whatever the host is.
/// A view never follows a link out of its root; callers treat every byte it returns as hostile.
/// </remarks>
public interface IFileView
{
    /// <summary>Every regular file of the view, as a '/'-rooted path.</summary>
    IEnumerable<string> Paths { get; }

    /// <summary>At most <paramref name="maxBytes"/> bytes from the start of the file, or null when it is absent or unreadable.</summary>
    byte[]? Read(string path, int maxBytes);
}
