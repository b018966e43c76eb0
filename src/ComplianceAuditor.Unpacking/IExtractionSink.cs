namespace ComplianceAuditor.Unpacking;

/// <summary>Where extracted file content goes.</summary>
public interface IExtractionSink
{
    /// <summary>
    /// Creates a new, empty file for the entry at <paramref name="virtualPath"/> and returns it open for writing,
    /// with the local path it lives at. The file must not exist before (never overwrite, never write through a link).
    /// </summary>
    (Stream Stream, string LocalPath) Create(string virtualPath);

    /// <summary>A new private, empty folder for a reader that needs files on disk (external extractors).</summary>
    string CreateScratch();
}
