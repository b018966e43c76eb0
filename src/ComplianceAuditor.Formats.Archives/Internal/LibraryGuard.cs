using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Internal;

/// <summary>
/// Calls into SharpCompress on hostile bytes. The library throws whatever its code happens to hit on garbage
/// (InvalidFormatException, ZlibException, IndexOutOfRange, InvalidCast, OutOfMemory for a header-sized array...), so
/// every call is funnelled through here and anything it throws becomes an <see cref="UnpackException"/> that names the
/// format, the entry and what was being done. Our own exceptions and cancellation pass through untouched.
/// </summary>
internal static class LibraryGuard
{
    public static bool IsLibraryFailure(Exception exception) =>
        exception is not (UnpackException or ReaderUnavailableException or OperationCanceledException);

    public static UnpackException Wrap(string format, string? entry, string action, Exception exception)
    {
        var where = entry is null ? string.Empty : $"entry '{entry}': ";
        return new UnpackException(
            string.Create(CultureInfo.InvariantCulture, $"{format}: {where}{action} failed: {exception.GetType().Name}: {exception.Message}"),
            exception);
    }

    /// <summary>Disposes a library object whose failure to close must not replace the error that got us here.</summary>
    public static void DisposeQuietly(IDisposable? disposable)
    {
        try
        {
            disposable?.Dispose();
        }
        catch (Exception exception) when (IsLibraryFailure(exception))
        {
            // Closing a reader over corrupt data can fail again; what it failed on has already been reported.
        }
    }

    public static T Call<T>(string format, string? entry, string action, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception exception) when (IsLibraryFailure(exception))
        {
            throw Wrap(format, entry, action, exception);
        }
    }
}
