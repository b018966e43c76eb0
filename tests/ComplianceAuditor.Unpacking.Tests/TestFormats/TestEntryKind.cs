namespace ComplianceAuditor.Unpacking.Tests.TestFormats;

/// <summary>
/// The entry kinds of the test container format. Besides the ordinary kinds it has kinds that misbehave on purpose,
/// so a test can place a fault at an exact point of a container and watch what the driver makes of it.
/// </summary>
internal enum TestEntryKind : byte
{
    File = 0,
    Directory = 1,
    Symlink = 2,
    HardLink = 3,
    CharDevice = 4,
    BlockDevice = 5,
    Fifo = 6,
    Socket = 7,

    /// <summary>A file stored as (byte, count): the test format's "compression", for ratio and size limits.</summary>
    Repeat = 16,

    /// <summary>A file whose content stream gives its stored bytes, then fails with <see cref="InvalidDataException"/>.</summary>
    BrokenFile = 17,

    /// <summary>A file whose content cannot even be opened (<see cref="InvalidDataException"/> from Open).</summary>
    OpenFails = 18,

    /// <summary>The reader stops here with <see cref="UnpackException"/>, as on a corrupt entry table.</summary>
    Corrupt = 32,

    /// <summary>The reader stops here with <see cref="ReaderUnavailableException"/>; the entry's path is the message.</summary>
    Unavailable = 33,

    /// <summary>The reader reports a warning (the entry's path) through the context and goes on.</summary>
    Warning = 34,
}
