namespace ComplianceAuditor.Unpacking;

/// <summary>
/// Reads one container format (a file system image, an archive, a firmware header, a flash layout). Readers are
/// stateless and thread-safe; everything about one image lives in the enumeration returned by <see cref="Read"/>.
/// The input is hostile: a reader validates every offset and size against <see cref="UnpackSource.Length"/>,
/// bounds its loops and its own allocations, and reports malformed structure with <see cref="UnpackException"/>.
/// Limits on what is extracted (bytes, files, ratio, depth) are enforced by the driver, not by each reader.
/// </summary>
public interface IFormatReader
{
    /// <summary>Stable lower-case name used in virtual paths and reports: <c>squashfs</c>, <c>cpio</c>, <c>uimage</c>.</summary>
    string Format { get; }

    /// <summary>
    /// What does the reading, recorded on every artifact it produces: <c>native</c> for our own C# readers, or the
    /// external program and its version (<c>unsquashfs 4.5.1</c>).
    /// </summary>
    string Extractor { get; }

    /// <summary>
    /// Magic numbers to look for when carving images out of a larger blob, each with its distance from the start of
    /// the image. Empty for formats that are only recognised at offset 0 (Intel HEX text, for example).
    /// </summary>
    IReadOnlyList<FormatSignature> Signatures { get; }

    /// <summary>
    /// Decides from the first bytes whether an image of this format starts at the beginning of <paramref name="head"/>
    /// (up to <see cref="FormatSignature.HeadBytes"/> bytes; fewer near the end of the data), validating the header
    /// rather than trusting a magic number. <paramref name="available"/> is the number of bytes from that point to the
    /// end of the data. Returns null when it is not this format. Never throws.
    /// </summary>
    FormatMatch? Identify(ReadOnlySpan<byte> head, long available);

    /// <summary>
    /// Lists the entries of the image that fills <paramref name="source"/>. Entries are consumed in order: the driver
    /// opens and copies an entry's content before it asks for the next one. Throws <see cref="UnpackException"/> when
    /// the structure is malformed (entries yielded before that are kept), and <see cref="ReaderUnavailableException"/>
    /// when it recognised the format but cannot open it here (an external program that is not installed).
    /// </summary>
    IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context);
}
