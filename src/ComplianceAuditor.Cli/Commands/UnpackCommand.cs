using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ComplianceAuditor.Cli.Memory;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Reporting;
using ComplianceAuditor.Reporting.Json;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Cli.Commands;

/// <summary>
/// <c>unpack FILE --out DIR</c>: opens a firmware file the way an audit does and leaves the tree for people to look
/// at, with <c>manifest.json</c> listing every artifact (virtual path, kind, hash, permissions, links, what extracted
/// it, what could not be opened and why). Links are listed, never created.
/// </summary>
internal static class UnpackCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("firmware") { Description = "The firmware file (image, archive, flash dump) to unpack" };
        var output = new Option<string>("--out", "-o") { Description = "An empty or new folder for the extracted tree", Required = true };
        var limits = new UnpackOptions();
        var command = new Command("unpack", "Extract a firmware file recursively into a folder, with a manifest") { input, output };
        foreach (var option in limits.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(input)!, parse.GetValue(output)!, limits.Read(parse), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string input, string output, (UnpackLimits? Limits, string? Error) limits, CancellationToken ct)
    {
        if (limits.Limits is null)
        {
            console.Fail($"error: {limits.Error}");
            return ExitCodes.Usage;
        }

        IReadOnlyList<AuditTarget> targets;
        try
        {
            targets = TargetResolver.Resolve([input], TargetKind.Firmware);
        }
        catch (Exception e) when (e is TargetException or ArgumentException)
        {
            console.Fail($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        var outputDirectory = Path.GetFullPath(output);
        if (Directory.Exists(outputDirectory) && Directory.EnumerateFileSystemEntries(outputDirectory).Any())
        {
            console.Fail($"error: '{output}' is not empty; unpack writes into an empty or new folder only (nothing is overwritten)");
            return ExitCodes.Usage;
        }

        try
        {
            using var pacer = MemoryPacer.Start();
            using var sink = new TreeSink(outputDirectory);

            // Packed artifacts past their memory budget go to a private folder, removed when the command ends.
            using var work = PrivateWorkFolder.CreateIn(outputDirectory);
            using var records = RecordStores.In(work);
            var options = new InventoryOptions { Formats = Formats.CreateRegistry(), UnpackLimits = limits.Limits, Sink = sink, Records = records };
            var inventory = InventoryBuilder.Build(targets[0], options, ct);
            MemoryPacer.GiveBack();
            await WriteManifestAsync(inventory, Path.Combine(outputDirectory, "manifest.json"), ct).ConfigureAwait(false);
            Summarize(inventory, outputDirectory, console);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"error: could not write into '{output}': {e.Message}");
            return ExitCodes.AuditFailed;
        }
    }

    /// <summary>
    /// Writes the manifest, making each artifact's entry as it is written and flushing as it goes: an image with
    /// tens of thousands of files would otherwise hold a second copy of its inventory, and the whole JSON, in memory.
    /// </summary>
    private static async Task WriteManifestAsync(TargetInventory inventory, string path, CancellationToken ct)
    {
        var manifest = new
        {
            Tool = ToolIdentity.Name,
            Version = ToolIdentity.Version,
            Input = new { inventory.Target.Name, inventory.Target.Sha256, inventory.Target.Size },
            inventory.IsComplete,
            inventory.Notes,
            Artifacts = inventory.Artifacts.Select(ReportBuilder.ToEntry),
        };
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        await JsonSerializer.SerializeAsync(stream, manifest, ReportJson.Options, ct).ConfigureAwait(false);
    }

    private static void Summarize(TargetInventory inventory, string outputDirectory, CliConsole console)
    {
        var containers = inventory.Artifacts.Where(a => a.Container is not null).ToArray();
        console.Line(string.Create(CultureInfo.InvariantCulture,
            $"{inventory.Target.Name}: {inventory.Artifacts.Count - 1} artifact(s) from {containers.Length} container(s) into {outputDirectory}"));
        foreach (var a in containers)
        {
            var c = a.Container!;
            console.Line(string.Create(CultureInfo.InvariantCulture,
                $"  {Core.Text.DisplayText.Sanitize(a.Path, 200)}: {c.Format} ({c.Extractor}) {c.Status}, {c.Entries} entries{(c.Reason is null ? "" : ": " + c.Reason)}"));
        }

        foreach (var note in inventory.Notes)
        {
            console.Line("  note: " + note);
        }
    }
}
