using ComplianceAuditor.Cli.Memory;
using ComplianceAuditor.Cli.Output;
using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Reporting;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Scoring;

namespace ComplianceAuditor.Cli.Audit;

/// <summary>
/// One audit from start to finish: targets → inventory → rules → engine → scheme verdicts → report files.
/// Each failure mode maps to its documented exit code.
/// </summary>
internal sealed class AuditPipeline(CliConsole console, TimeProvider clock, Func<string, string?> environment)
{
    public async Task<int> RunAsync(AuditSettings settings, CancellationToken cancellationToken)
    {
        AuditTarget[] targets;
        AuditTarget[] comparisons;
        DateTimeOffset generatedAt;
        Update.Trust.TrustAnchors anchors;
        Reporting.Baseline.BaselineFile? baseline;
        IReportWriter[] writers;
        try
        {
            // Loaded once for every writer, and whatever the formats: a bad --theme is an error even with --format json.
            var theme = settings.ThemeFile is { } themeFile ? Reporting.Theme.ThemeLoader.Load(themeFile) : null;
            writers = settings.Formats.Select(f => ReportFormats.Create(f, settings, theme)).ToArray();
            anchors = TrustAnchorFiles.Load(settings.PublicKeys);
            // Resolved together, so an earlier release named like a target still gets a name of its own.
            var all = TargetResolver.Resolve([.. settings.Targets, .. settings.Previous], settings.As);
            targets = all.Take(settings.Targets.Count).ToArray();
            comparisons = all.Skip(settings.Targets.Count).ToArray();
            generatedAt = SourceDate.Now(clock, environment);
            baseline = AuditInputs.ReadBaseline(settings);
        }
        catch (Exception e) when (e is TargetException or ArgumentException or Update.Trust.TrustAnchorException or Reporting.Baseline.BaselineException or Reporting.Html.TemplateException or Reporting.Theme.ThemeException)
        {
            console.Fail($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        if (RepositoryTargets.CheckSince(settings, targets) is { } sinceProblem)
        {
            console.Fail($"error: {sinceProblem}");
            return ExitCodes.Usage;
        }

        var outputDirectory = Path.GetFullPath(settings.OutputDirectory);
        var enclosing = targets.Concat(comparisons).FirstOrDefault(t => t.Kind != TargetKind.Firmware && RealPath.IsWithin(outputDirectory, t.LocalPath));
        if (enclosing is not null)
        {
            console.Fail($"error: the output folder '{settings.OutputDirectory}' is inside target '{enclosing.Name}'; choose a folder outside it (inputs are never written to)");
            return ExitCodes.Usage;
        }

        // Extracted content, and packed records past their memory budget, go to a private folder inside the output
        // folder, removed however the run ends. The store is disposed first: on Windows its file goes when closed.
        using var pacer = MemoryPacer.Start();
        using var work = Unpacking.PrivateWorkFolder.CreateIn(outputDirectory);
        using var records = RecordStores.In(work);
        var inventoryOptions = new InventoryOptions
        {
            Formats = settings.Unpack ? Formats.CreateRegistry() : null,
            UnpackLimits = settings.UnpackLimits,
            Sink = settings.Unpack ? work : null,
            Records = records,
        };

        // Taking stock of the targets (hashing every file) and loading the rules (parsing, schema checks, self-tests)
        // do not depend on each other; on a multi-core machine the shorter one is hidden behind the longer.
        using var stopInventory = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inventoryTask = Task.Run(() => BuildInventories([.. targets, .. comparisons], inventoryOptions, stopInventory.Token), stopInventory.Token);
        try
        {
            var registry = Checks.CreateRegistry(anchors, settings.DeviceRam);
            var loaded = RuleSetProvider.LoadVerified(settings.RuleDirectories, registry);
            if (!loaded.Succeeded)
            {
                RuleSetProvider.Print(loaded.Errors, console);
                return ExitCodes.InvalidRules;
            }

            var unknown = settings.DisabledRules.Where(id => loaded.RuleSet!.FindRule(id) is null).ToArray();
            if (unknown.Length > 0)
            {
                console.Fail($"error: --disable names unknown rule id(s): {string.Join(", ", unknown)} (see 'compliance-auditor rules list')");
                return ExitCodes.Usage;
            }

            var unselected = settings.OnlyRules.Where(s => !loaded.RuleSet!.Rules.Any(r => RuleSet.Selects(s, r.Id))).ToArray();
            if (unselected.Length > 0)
            {
                console.Fail($"error: --only names no rule: {string.Join(", ", unselected)} (see 'compliance-auditor rules list')");
                return ExitCodes.Usage;
            }

            if (SchemeSelection.Check(settings, loaded.RuleSet!) is { } schemeProblem)
            {
                console.Fail($"error: {schemeProblem}");
                return ExitCodes.Usage;
            }

            var inputs = AuditInputs.Load(settings, loaded.RuleSet!, DateOnly.FromDateTime(generatedAt.UtcDateTime), baseline, console);
            if (inputs is null)
            {
                return ExitCodes.InvalidRules;
            }

            var ruleSet = loaded.RuleSet!.Only(settings.OnlyRules).Without(settings.DisabledRules.ToHashSet(StringComparer.Ordinal));
            var built = await inventoryTask.ConfigureAwait(false);
            MemoryPacer.GiveBack();
            var inventories = built.Take(targets.Length).Select(i => RepositoryTargets.Attach(i, settings)).ToArray();
            var compared = built.Skip(targets.Length).ToArray();
            var report = await AuditAsync(settings, inventories, compared, ruleSet, registry, records, generatedAt, anchors, inputs, cancellationToken).ConfigureAwait(false);
            return await WriteAsync(settings, writers, report, outputDirectory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The work folder is deleted when this method returns, however it returns: the inventory must not be
            // writing into it then, or it would recreate the folder and leave it behind.
            await AbandonAsync(inventoryTask, stopInventory).ConfigureAwait(false);
        }
    }

    private static List<TargetInventory> BuildInventories(IReadOnlyList<AuditTarget> targets, InventoryOptions options, CancellationToken ct) =>
        targets.Select(t => RepositoryTargets.Build(t, options, ct)).ToList();

    /// <summary>Stops the inventory when the audit cannot go on, and waits for it so no work outlives the command.</summary>
    private static async Task AbandonAsync(Task inventory, CancellationTokenSource stop)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await inventory.ConfigureAwait(false);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // The audit already ended with the rules' error; whatever the abandoned inventory ran into is moot.
        }
    }

    private async Task<AuditReport> AuditAsync(
        AuditSettings settings,
        IReadOnlyList<TargetInventory> inventories,
        TargetInventory[] comparisons,
        RuleSet ruleSet,
        CheckRegistry registry,
        BlockStore records,
        DateTimeOffset generatedAt,
        Update.Trust.TrustAnchors anchors,
        AuditInputs inputs,
        CancellationToken ct)
    {
        var progress = new AuditProgress(console);
        foreach (var compared in comparisons)
        {
            progress.Note($"{compared.Target.Name}: compared for shared secrets and rollback counters only (--previous), {compared.Artifacts.Count - 1} artifact(s)");
        }

        foreach (var inventory in inventories)
        {
            var target = inventory.Target;
            progress.Note($"{target.Name}: {Names.Of(target.Kind)} with {inventory.Artifacts.Count - 1} artifact(s){(inventory.IsComplete ? "" : " (not all of it could be read; see the report's notes)")}");
        }

        var engine = new AuditEngine(registry, new EngineOptions
        {
            CheckTimeout = settings.CheckTimeout,
            Records = records,
            ShowSecrets = settings.ShowSecrets,
            CrackTime = settings.CrackTime,
            ReferenceTime = generatedAt,
        });
        var results = await progress.TrackAsync(
            $"evaluating {ruleSet.Rules.Count} rule(s)",
            p => engine.RunAsync(inventories, ruleSet.Rules, p, ct, comparisons)).ConfigureAwait(false);
        foreach (var history in engine.Histories)
        {
            progress.Note($"{history.Target}: history: {history.Run.Commits} commit(s), {history.Run.Blobs} blob(s) read{(history.Run.IsComplete ? "" : " (not all of it could be read; see the report's notes)")}");
        }

        MemoryPacer.GiveBack();
        // With an earlier release (--previous), the checks that compare two versions can give evidence.
        var context = new ScoringContext(inventories.Select(i => i.Target.Kind).Distinct().ToArray(), MultipleVersions: comparisons.Length > 0, ruleSet.Catalog)
        {
            Declaration = inputs.Declaration,
            Waivers = inputs.Waivers,
        };
        var evaluator = new SchemeEvaluator(ruleSet.Schemes, results, context);
        var schemes = SchemeSelection.Selected(settings, ruleSet).Select(evaluator.Evaluate).ToArray();
        // Read while the extracted files still exist: the work folder goes when the run ends.
        var components = Components.ComponentExtraction.Run(inventories, ct);
        return ReportBuilder.Build(new ReportInput
        {
            ToolName = ToolIdentity.Name,
            ToolVersion = ToolIdentity.Version,
            GeneratedAt = generatedAt,
            RuleSet = ruleSet,
            DisabledRules = settings.DisabledRules,
            Inventories = inventories,
            Results = results,
            Histories = engine.Histories,
            Schemes = schemes,
            SecretsShown = settings.ShowSecrets,
            Comparisons = comparisons,
            OnlyRules = settings.OnlyRules,
            TrustAnchors = [.. anchors.Keys.Select(k => $"{k.Name}, SPKI SHA-256 {k.SpkiSha256}")],
            Declaration = inputs.Declaration,
            FactConflicts = evaluator.FactConflicts(ruleSet.Facts),
            Waivers = inputs.Waivers,
            Baseline = inputs.Baseline,
            Declared = settings.DeviceRam is { } ram ? [string.Create(System.Globalization.CultureInfo.InvariantCulture, $"device RAM {ram} bytes (--device-ram)")] : [],
            Components = components.Components,
            ComponentNotes = components.Notes,
        });
    }

    private async Task<int> WriteAsync(AuditSettings settings, IReportWriter[] writers, AuditReport report, string outputDirectory, CancellationToken ct)
    {
        IReadOnlyList<string> written;
        try
        {
            written = await ReportFiles.WriteAsync(report, writers, outputDirectory, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Reporting.Pdf.FontUnavailableException or Reporting.Html.TemplateException)
        {
            console.Fail($"error: could not write the reports: {e.Message}");
            return ExitCodes.AuditFailed;
        }

        AuditSummary.Print(report, written, console);
        // A failure accepted by a waiver in force no longer gates; an expired one does again.
        var atThreshold = settings.FailOn is { } threshold
            && report.Results.Any(r => r.Outcome == "fail" && r.Waiver?.Applied != true && Enum.Parse<Severity>(r.Severity, true) >= threshold);
        var failedSchemes = report.Schemes.Where(s => s.Rating.Failed && settings.FailOnSchemes.Contains(s.Id)).Select(s => s.Id).ToArray();
        foreach (var id in failedSchemes)
        {
            console.Fail($"scheme {id} failed (--fail-on-scheme)");
        }

        return atThreshold || failedSchemes.Length > 0 ? ExitCodes.FindingsAtThreshold : ExitCodes.Ok;
    }

}
