namespace ComplianceAuditor.Unpacking.Tests.TestFormats;

/// <summary>Decides like <see cref="IFormatReader.Identify"/>; a delegate type because spans cannot be generic arguments.</summary>
internal delegate FormatMatch? Identifier(ReadOnlySpan<byte> head, long available);

/// <summary>A reader assembled from delegates, for tests of recognition and of the opener with hand-made entries.</summary>
internal sealed class DelegateReader(string format, Identifier identify, Func<UnpackSource, UnpackContext, IEnumerable<UnpackedEntry>>? read = null, params byte[][] magics)
    : IFormatReader
{
    public string Format => format;

    public string Extractor => "test";

    public IReadOnlyList<FormatSignature> Signatures { get; } = [.. magics.Select(m => new FormatSignature(m))];

    public FormatMatch? Identify(ReadOnlySpan<byte> head, long available) => identify(head, available);

    public IEnumerable<UnpackedEntry> Read(UnpackSource source, UnpackContext context) => read is null ? [] : read(source, context);

    /// <summary>A reader that lists <paramref name="entries"/> for any input it is given.</summary>
    public static DelegateReader Listing(string format, params UnpackedEntry[] entries) =>
        new(format, (_, _) => new FormatMatch(null, format), (_, _) => entries);
}
