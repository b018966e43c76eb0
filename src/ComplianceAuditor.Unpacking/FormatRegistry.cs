namespace ComplianceAuditor.Unpacking;

/// <summary>
/// The readers the driver may use, in the order they are tried (more specific formats first). Registration is
/// explicit, done once by the application, so the set of formats an audit used is always known.
/// </summary>
public sealed class FormatRegistry
{
    private readonly List<RegisteredFormat> _formats = [];

    public IReadOnlyList<RegisteredFormat> Formats => _formats;

    /// <summary>Registers a file-system or archive format: its entries are files, recognised but never carved.</summary>
    public FormatRegistry AddFileSystem(IFormatReader reader) => Add(reader, carveChildren: false);

    /// <summary>Registers a layout or stream format: its entries are images, searched for embedded images too.</summary>
    public FormatRegistry AddImageLayout(IFormatReader reader) => Add(reader, carveChildren: true);

    /// <summary>Adds an already registered format (a registry of one, to ask a single reader).</summary>
    internal FormatRegistry With(RegisteredFormat format)
    {
        _formats.Add(format);
        return this;
    }

    public RegisteredFormat? Find(string format) => _formats.FirstOrDefault(f => f.Format == format);

    private FormatRegistry Add(IFormatReader reader, bool carveChildren)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (Find(reader.Format) is not null)
        {
            throw new ArgumentException($"format '{reader.Format}' is registered twice", nameof(reader));
        }

        _formats.Add(new RegisteredFormat(reader, carveChildren));
        return this;
    }
}
