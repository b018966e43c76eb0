using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Internal;

/// <summary>The one entry a compressed stream unpacks to: its content is the decoder's output, produced as it is read.</summary>
internal static class SingleEntry
{
    public static UnpackedEntry Create(
        string format, string name, long size, string description, Func<Stream> openDecoder, CancellationToken cancellationToken) =>
        new()
        {
            Path = name,
            Type = EntryType.File,
            Size = size,
            Description = description,
            Open = () => new GuardedStream(LibraryGuard.Call(format, name, "starting the decoder", openDecoder), format, name, cancellationToken),
        };
}
