using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Engine.Tests;

/// <summary>Rules built in code, so each test states exactly the parameters it exercises.</summary>
internal static class TestRules
{
    public static RuleDefinition Create(
        string kind,
        IReadOnlyDictionary<string, object?> parameters,
        TargetKind[]? targets = null,
        string id = "CMP9001",
        ArtifactKind[]? artifacts = null) => new()
    {
        Id = id,
        Title = "test rule " + id,
        Severity = Severity.High,
        Targets = targets ?? [TargetKind.Rootfs, TargetKind.Firmware],
        Artifacts = artifacts ?? [],
        Check = new CheckSpec(kind, parameters),
        Catalog = ["CHK-SURF-01"],
        Rationale = "rationale",
        Remediation = "remediation",
        Source = new SourceFile("test/" + id + ".yaml", new Dictionary<string, SourcePosition>()),
    };

    public static RuleDefinition Regex(string pattern, params string[] paths) =>
        Create("text-regex", new Dictionary<string, object?> { ["pattern"] = pattern, ["paths"] = paths.Cast<object?>().ToArray() });

    public static RuleDefinition Bytes(params (string Name, string? Ascii, string? Hex)[] patterns) =>
        Create("byte-pattern", new Dictionary<string, object?>
        {
            ["patterns"] = patterns.Select(p => (object?)new Dictionary<string, object?> { ["name"] = p.Name, ["ascii"] = p.Ascii, ["hex"] = p.Hex }
                .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value)).ToArray(),
        });

    public static RuleDefinition Present(string kind, params string[] paths) =>
        Create(kind, new Dictionary<string, object?> { ["paths"] = paths.Cast<object?>().ToArray() });
}
