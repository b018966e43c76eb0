using System.Text;
using ComplianceAuditor.Core.IO;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// Reads template texts: from a lab's <c>--template-dir</c> first, then from the built-in set embedded in this
/// assembly, so a lab can override a single partial and keep the rest. Reads are bounded and strict UTF-8, because a
/// template folder may come from someone else.
/// </summary>
internal sealed class TemplateFolder
{
    /// <summary>Largest template accepted; the built-in ones are a few kilobytes each.</summary>
    public const int MaxTemplateBytes = 1024 * 1024;

    private const string ResourcePrefix = "templates/";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The folder as the user named it (for messages) and as the kernel resolves it (for the inside-the-folder check).
    private readonly string? _directory;
    private readonly string? _realDirectory;

    /// <param name="directory">The lab's folder, or null for the built-in templates only.</param>
    public TemplateFolder(string? directory)
    {
        if (directory is null)
        {
            return;
        }

        if (!Directory.Exists(directory))
        {
            throw new TemplateException($"{directory}: template folder not found");
        }

        _directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        try
        {
            // A folder reached through a link is fine; what counts is where its files really are.
            _realDirectory = PhysicalPath.Of(_directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException($"{directory}: template folder cannot be resolved ({e.Message})", e);
        }
    }

    /// <summary>The text of a template and where it came from (for messages), or null when neither set has it.</summary>
    public (string Text, string Source)? Read(string name)
    {
        if (_directory is not null)
        {
            var path = Path.Combine(_directory, name);
            var entry = new FileInfo(path);
            // A dangling or looping link is the lab's file too: it is reported, not silently replaced by ours.
            if (entry.Exists || entry.LinkTarget is not null)
            {
                return (ReadFile(path), path);
            }
        }

        using var stream = typeof(TemplateFolder).Assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, StrictUtf8);
        return (reader.ReadToEnd(), "built-in " + name);
    }

    /// <summary>Where a missing template was looked for, for the message that says it is missing.</summary>
    public string Searched => _directory is null ? "the built-in templates" : $"'{_directory}' or among the built-in templates";

    private string ReadFile(string path)
    {
        try
        {
            // Links may point anywhere: every link along the path is resolved the way the kernel does it, the result
            // must lie in the real folder and be a regular file (a FIFO would block the open forever), and only that
            // resolved path, which holds no link any more, is opened.
            var real = PhysicalPath.Of(path);
            if (!PhysicalPath.IsInside(real, _realDirectory!))
            {
                throw new TemplateException($"{path}: is a link that leads outside the template folder");
            }

            if (!File.Exists(real) && !Directory.Exists(real))
            {
                throw new TemplateException($"{path}: is a link to nothing");
            }

            if (!UnixFileStatus.IsRegularOrUnknown(real, followLinks: false))
            {
                throw new TemplateException($"{path}: is not a regular file (a device, pipe or socket cannot be a template)");
            }

            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[MaxTemplateBytes + 1];
            // One byte past the bound is asked for, so a larger file shows itself without being read whole.
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);

            if (read > MaxTemplateBytes)
            {
                throw new TemplateException($"{path}: larger than the {MaxTemplateBytes / 1024 / 1024} MiB a template may have");
            }

            return StrictUtf8.GetString(buffer, 0, read).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new TemplateException($"{path}: not UTF-8 text");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException($"{path}: cannot be read ({e.Message})", e);
        }
    }
}
