using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ComplianceAuditor.Core.IO;

namespace ComplianceAuditor.Reporting.Baseline;

/// <summary>
/// Reads the baseline of <c>audit --baseline</c>: an earlier <c>report.sarif</c> or <c>report.json</c>, or the folder
/// an audit wrote them into (the SARIF log is preferred, being what code scanning compares). The file comes from a CI
/// artifact or someone else's machine, so it is read as untrusted: bounded in size and nesting, strict JSON, and any
/// problem becomes a <see cref="BaselineException"/> naming the file and the reason.
/// </summary>
public static class BaselineReader
{
    public const string SarifFileName = "report.sarif";

    public const string JsonFileName = "report.json";

    /// <summary>One JSON document cannot be larger in .NET; real reports are a few megabytes.</summary>
    public const long MaxBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Reports nest about ten levels deep; the rest of the margin is for what later versions add.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Strict = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        // With a key given twice, two readers of one file could disagree on what it says.
        AllowDuplicateProperties = false,
    };

    public static BaselineFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (file, source) = Locate(path);
        try
        {
            return Parse(file, source);
        }
        catch (BaselineFormatException e)
        {
            throw Problem(file, "not a SARIF 2.1.0 log or report.json: " + e.Message, e);
        }
        catch (JsonException e)
        {
            throw Problem(file, "not valid JSON: " + e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw Problem(file, "cannot be read: " + e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Problem(file, "cannot be read: " + Core.Text.IoErrors.Describe(e), e);
        }
        catch (OutOfMemoryException e)
        {
            throw Problem(file, "too large to read into the memory available", e);
        }
    }

    /// <summary>The file to read, and how the report names it: by name alone, so reruns are byte-identical wherever it lies.</summary>
    private static (string File, string Source) Locate(string path)
    {
        if (Directory.Exists(path))
        {
            var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
            foreach (var name in new[] { SarifFileName, JsonFileName })
            {
                var candidate = Path.Combine(path, name);
                if (File.Exists(candidate))
                {
                    return (candidate, $"{folder}/{name}");
                }
            }

            throw Problem(path, $"the folder holds neither {SarifFileName} nor {JsonFileName}");
        }

        return File.Exists(path) ? (path, Path.GetFileName(path)) : throw Problem(path, "no such file or folder");
    }

    private static BaselineFile Parse(string file, string source)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        var size = stream.Length;
        if (size >= MaxBytes)
        {
            throw Problem(file, string.Create(CultureInfo.InvariantCulture, $"too large: {size} bytes, a baseline must be smaller than 2 GiB"));
        }

        // Bounded by the size checked above: a device or a file still being written never ends where its size says.
        using var bounded = new LimitedReadStream(stream, size, _ => new InvalidDataException("it yields more bytes than its size says: not a regular file, or it changed while being read"), ownsInner: false);
        using var sha256 = SHA256.Create();
        using var hashing = new CryptoStream(bounded, sha256, CryptoStreamMode.Read, leaveOpen: true);
        if (size == 0 && hashing.ReadByte() < 0)
        {
            throw Problem(file, "the file is empty");
        }

        using var document = JsonDocument.Parse(hashing, Strict);
        var root = BaselineNode.Root(document.RootElement);
        IEnumerable<BaselineFailure> failures = root.Element.ValueKind != JsonValueKind.Object
            ? throw new BaselineFormatException("the document is not a JSON object")
            : root.Member("schemaVersion", JsonValueKind.Number) is not null ? ReportBaselineParser.Failures(root)
            : root.Member("runs", JsonValueKind.Array) is not null || root.Member("version", JsonValueKind.String) is not null ? SarifBaselineParser.Failures(root)
            : throw new BaselineFormatException("it has neither the 'version' and 'runs' of a SARIF log nor the 'schemaVersion' of a report");
        return new BaselineFile(source, Convert.ToHexStringLower(sha256.Hash!), failures);
    }

    /// <summary>One printable line: the reason can quote the file's own text, which must not reach a terminal raw.</summary>
    private static BaselineException Problem(string file, string reason, Exception? inner = null)
    {
        var message = Core.Text.DisplayText.Sanitize($"baseline '{file}': {reason}", 600);
        return inner is null ? new(message) : new(message, inner);
    }
}
