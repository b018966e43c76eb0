namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// The PDF's information dictionary. <paramref name="Date"/> is both creation and modification date: it is the
/// report's own timestamp, never the clock, so that <c>SOURCE_DATE_EPOCH</c> gives byte-identical files.
/// </summary>
/// <param name="Author">The lab's name from the theme, else the tool.</param>
/// <param name="Creator">The tool and its version (also the producer).</param>
internal sealed record DocumentInfo(string Title, string Subject, string Author, string Creator, string Keywords, DateTimeOffset Date);
