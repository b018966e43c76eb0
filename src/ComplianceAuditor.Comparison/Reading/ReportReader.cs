using System.Globalization;
using System.Text.Json;

namespace ComplianceAuditor.Comparison.Reading;

/// <summary>
/// Reads a <c>report.json</c>, given as the file or as the folder an audit wrote it into. Reports come from CI
/// artifacts and other people's machines, so reading is bounded (size, nesting depth) and every failure becomes a
/// <see cref="ReportLoad"/> error naming the file and the reason; no exception leaves <see cref="Read"/>.
/// </summary>
public static class ReportReader
{
    public const string FileName = "report.json";

    /// <summary>2 GiB: far above any real report (the samples are about 1 MB), and the most one document can hold.</summary>
    public const long MaxBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>A report nests about eight levels deep; the margin leaves room for fields added later.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        // Two values for one key would let two readers of the same file see different reports.
        AllowDuplicateProperties = false,
    };

    public static ReportLoad Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string file;
        if (Directory.Exists(path))
        {
            file = Path.Combine(path, FileName);
            if (!File.Exists(file))
            {
                return ReportLoad.Failed(path, $"the folder holds no {FileName}");
            }
        }
        else if (File.Exists(path))
        {
            file = path;
        }
        else
        {
            return ReportLoad.Failed(path, "no such file or folder");
        }

        try
        {
            return Load(file);
        }
        catch (InvalidReportException e)
        {
            return ReportLoad.Failed(file, "not a report: " + e.Message);
        }
        catch (JsonException e)
        {
            return ReportLoad.Failed(file, "not a report: not valid JSON: " + e.Message);
        }
        catch (IOException e)
        {
            return ReportLoad.Failed(file, "cannot be read: " + e.Message);
        }
        catch (UnauthorizedAccessException)
        {
            return ReportLoad.Failed(file, "cannot be read: permission denied");
        }
        catch (OutOfMemoryException)
        {
            // One large buffer that could not be had, not a corrupted process: the document is simply too big here.
            return ReportLoad.Failed(file, "too large to read into the memory available");
        }
    }

    private static ReportLoad Load(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        if (!stream.CanSeek)
        {
            return ReportLoad.Failed(file, "cannot be read: not a regular file");
        }

        var size = stream.Length;
        if (size > MaxBytes)
        {
            return ReportLoad.Failed(file, string.Create(CultureInfo.InvariantCulture, $"too large: {size} bytes, a report may have at most 2 GiB"));
        }

        using var bounded = new Core.IO.LimitedReadStream(stream, size, _ => new IOException("it yields more bytes than its size says: not a regular file, or it changed while being read"), ownsInner: false);
        using var document = JsonDocument.Parse(bounded, Options);
        return ReportLoad.Loaded(ReportParser.Parse(document.RootElement, file));
    }
}
