using ComplianceAuditor.Reporting;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Cli.Output;

/// <summary>
/// Writes report files into the output folder and nowhere else: fixed file names, each written to a temporary
/// file beside its final name and then moved, so a failed run never leaves a half-written report behind.
/// </summary>
internal static class ReportFiles
{
    public static async Task<IReadOnlyList<string>> WriteAsync(
        AuditReport report, IEnumerable<IReportWriter> writers, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var writer in writers)
        {
            var final = Path.Combine(outputDirectory, writer.FileName);
            // A fresh name created exclusively: never write through a link or file someone left in the folder.
            var temporary = Path.Combine(outputDirectory, $".{writer.FileName}.{Guid.NewGuid():N}.partial");
            try
            {
                await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    await writer.WriteAsync(report, stream, cancellationToken).ConfigureAwait(false);
                }

                File.Move(temporary, final, overwrite: true);
                written.Add(final);
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        return written;
    }
}
