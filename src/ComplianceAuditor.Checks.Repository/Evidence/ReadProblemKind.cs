namespace ComplianceAuditor.Checks.Repository.Evidence;

/// <summary>Why a file a parser asked for was not read, or not read whole.</summary>
internal enum ReadProblemKind
{
    /// <summary>The file holds binary content (an image, a PDF, junk under a document's name), not text.</summary>
    Binary,

    /// <summary>The file could not be read: an I/O error, no permission, or a link that leads out of the working tree.</summary>
    Unreadable,

    /// <summary>Only the first part of the file was read: it is larger than a parser reads.</summary>
    Truncated,

    /// <summary>The file was not read because the bytes allowed for one repository's documents had all been read.</summary>
    BudgetExhausted,
}
