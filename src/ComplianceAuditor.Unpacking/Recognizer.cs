namespace ComplianceAuditor.Unpacking;

/// <summary>Asks every reader, in registration order, whether an image starts at the first byte of some data.</summary>
public static class Recognizer
{
    /// <summary>The first format whose header validates, or null.</summary>
    public static RecognizedImage? AtStart(FormatRegistry formats, UnpackSource source) => AtStart(formats, source, except: null);

    /// <summary>
    /// The first format, other than those in <paramref name="except"/>, whose header validates: the next reader to try
    /// when the first one recognised the image but cannot open it here.
    /// </summary>
    public static RecognizedImage? AtStart(FormatRegistry formats, UnpackSource source, IReadOnlySet<string>? except)
    {
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(source);
        var head = new byte[(int)Math.Min(FormatSignature.HeadBytes, source.Length)];
        var read = source.ReadAt(0, head);
        return AtStart(formats, head.AsSpan(0, read), source.Length, offset: 0, except);
    }

    internal static RecognizedImage? AtStart(FormatRegistry formats, ReadOnlySpan<byte> head, long available, long offset, IReadOnlySet<string>? except = null)
    {
        foreach (var format in formats.Formats)
        {
            if (except?.Contains(format.Format) != true && Try(format, head, available, offset) is { } image)
            {
                return image;
            }
        }

        return null;
    }

    /// <summary>Asks one reader whether an image of its format starts at the first byte of <paramref name="head"/>.</summary>
    internal static RecognizedImage? Try(RegisteredFormat format, ReadOnlySpan<byte> head, long available, long offset)
    {
        FormatMatch? match;
        try
        {
            match = format.Reader.Identify(head, available);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Identify must not throw; a reader that does anyway is treated as "not this format", not as a crash.
            match = null;
        }

        if (match is null)
        {
            return null;
        }

        // A header claiming more bytes than there are is clipped: the reader will find the truncation itself.
        var known = match.Length is > 0;
        var length = known ? Math.Min(match.Length!.Value, available) : available;
        return new RecognizedImage(format, offset, length, match.Description, known);
    }
}
