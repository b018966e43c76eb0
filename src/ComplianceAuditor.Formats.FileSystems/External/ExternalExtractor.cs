using System.Text.RegularExpressions;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.External;

/// <summary>
/// Opens an image with an installed extraction program, for formats we recognise but do not read natively. The
/// image is written into the reader's private scratch folder, the program extracts into another folder there, and
/// what it wrote is reported as entries. The output is walked without following symlinks: a link the program created
/// (pointing anywhere, inside or outside its folder) is reported as a symlink and never read through.
/// </summary>
public sealed partial class ExternalExtractor
{
    private readonly Func<string, string?> _locate;
    private readonly IReadOnlyList<string>? _versionArguments;
    private readonly Lazy<string> _description;

    /// <param name="program">The program's file name, looked up with <paramref name="locate"/>.</param>
    /// <param name="locate">Maps a program name to its full path or null; defaults to a PATH search (tests inject their own).</param>
    /// <param name="versionArguments">Arguments that make the program print its version, if it has such an option.</param>
    public ExternalExtractor(string program, Func<string, string?>? locate = null, IReadOnlyList<string>? versionArguments = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        Program = program;
        _locate = locate ?? ProgramLocator.FindOnPath;
        _versionArguments = versionArguments;
        _description = new Lazy<string>(Describe);
    }

    public string Program { get; }

    /// <summary>The program name and, when it is installed and says so, its version ("unyaffs 0.9.7").</summary>
    public string Description => _description.Value;

    /// <summary>The program's full path, or null when it is not installed.</summary>
    public string? Locate() => _locate(Program);

    /// <summary>
    /// Extracts <paramref name="source"/> when the enumeration starts, and lists the result; the scratch folder is
    /// deleted when the enumeration ends or is disposed, so an entry's content must be read before the next one is
    /// asked for. The program is stopped once its output passes the limits for this image. Throws
    /// <see cref="ReaderUnavailableException"/> with
    /// <paramref name="unavailableMessage"/> at once when the program is not installed, and
    /// <see cref="UnpackException"/> when it fails, runs out of time or writes too much.
    /// </summary>
    /// <param name="arguments">The program's arguments for an image path and an (existing, empty) output folder.</param>
    public IEnumerable<UnpackedEntry> Extract(
        UnpackSource source, UnpackContext context, Func<string, string, IEnumerable<string>> arguments, string unavailableMessage)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);
        var program = Locate() ?? throw new ReaderUnavailableException(unavailableMessage);
        return Run(program, source, context, arguments);
    }

    private IEnumerable<UnpackedEntry> Run(
        string program, UnpackSource source, UnpackContext context, Func<string, string, IEnumerable<string>> arguments)
    {
        var scratch = context.ScratchDirectory();
        try
        {
            var image = Path.Combine(scratch, "image.bin");
            var output = Directory.CreateDirectory(Path.Combine(scratch, "extracted")).FullName;
            var budget = OutputBudget.For(output, source, context.Limits);
            ProcessResult result;
            try
            {
                WriteImage(source, image, context.CancellationToken);
                result = ProcessRunner.Run(
                    program, arguments(image, output), scratch, context.Limits.ExternalTimeout, context.CancellationToken, budget.Check);
            }
            finally
            {
                // The copy is as large as the image and nothing reads it once the program is gone, whatever its fate.
                ScratchFolder.DeleteFile(image);
            }

            if (result.ExitCode != 0)
            {
                var detail = result.StandardErrorTail.Length > 0 ? result.StandardErrorTail : result.StandardOutputTail;
                throw Invariant.Malformed($"{Program} failed on {source.Name} with exit code {result.ExitCode}: {Tail(detail)}");
            }

            // What it wrote between the last check and its exit.
            if (budget.Check() is { } reason)
            {
                throw Invariant.Malformed($"{Program} {reason}");
            }

            foreach (var entry in ExtractedTree.Walk(output, context))
            {
                yield return entry;
            }
        }
        finally
        {
            // The driver copies each entry's content before asking for the next, so nothing here is needed once the
            // enumeration ends or is abandoned; keeping it until the audit ends would hold a whole extracted tree per image.
            ScratchFolder.Delete(scratch);
        }
    }

    private static void WriteImage(UnpackSource source, string path, CancellationToken cancellationToken)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 20];
        for (long offset = 0; offset < source.Length; offset += buffer.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = buffer.AsSpan(0, (int)Math.Min(buffer.Length, source.Length - offset));
            source.ReadExactly(offset, chunk, "image");
            file.Write(chunk);
        }
    }

    /// <summary>The last lines of a program's complaint, short enough for a report line.</summary>
    private static string Tail(string text)
    {
        const int Max = 500;
        text = text.Trim();
        if (text.Length == 0)
        {
            return "(no output)";
        }

        return text.Length <= Max ? text : "..." + text[^Max..];
    }

    private string Describe()
    {
        var program = _versionArguments is null ? null : Locate();
        if (program is null)
        {
            return Program;
        }

        try
        {
            var result = ProcessRunner.Run(program, _versionArguments!, Path.GetTempPath(), TimeSpan.FromSeconds(10), CancellationToken.None);
            var match = VersionPattern().Match(result.StandardOutputTail + "\n" + result.StandardErrorTail);
            return match.Success ? Program + " " + match.Value : Program;
        }
        catch (UnpackException)
        {
            return Program;
        }
    }

    [GeneratedRegex(@"\d+(\.\d+)+")]
    private static partial Regex VersionPattern();
}
