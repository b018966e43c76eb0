using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Model;
using static ComplianceAuditor.Scoring.Tests.ScoringFixtures;

namespace ComplianceAuditor.Scoring.Tests;

/// <summary>Declared facts the evidence contradicts, as a facts catalog (built here) describes the contradictions.</summary>
public sealed class FactConflictTests
{
    private static readonly FactDefinition[] Facts =
    [
        new()
        {
            Id = "update-mechanism",
            Type = FactType.Boolean,
            Question = "Does the device have an update mechanism?",
            ContradictedBy = [new("false", ["CMP2049"], [], Outcome.Pass, "found an update client in the root file system")],
        },
        new()
        {
            Id = "default-passwords",
            Type = FactType.Boolean,
            Question = "Does the device ship with default passwords?",
            ContradictedBy = [new("false", [], ["CHK-CRED-01"], Outcome.Fail, "found accounts with a default, empty or known password")],
        },
    ];

    private static IReadOnlyList<FactConflict> Conflicts(Declaration declaration, params CheckResult[] results) =>
        new SchemeEvaluator([], results, Firmware with { Declaration = declaration }).FactConflicts(Facts);

    [Fact]
    public void A_declared_value_contradicted_by_a_result_of_the_named_rule_is_one_conflict()
    {
        var client = Result("CHK-UPD-01", Outcome.Pass, "CMP2049", "fw.bin!/rootfs!/usr/bin/swupdate");

        var conflict = Assert.Single(Conflicts(Declared([Fact("update-mechanism", "false")]), client, Result("CHK-A-01", Outcome.Pass)));

        Assert.Equal("update-mechanism", conflict.Fact);
        Assert.Equal("false", conflict.Declared);
        Assert.Equal(
            "declared update-mechanism = false, but the audit found an update client in the root file system (CMP2049 on fw.bin!/rootfs!/usr/bin/swupdate)",
            conflict.Description);
        Assert.Equal([client.Fingerprint], conflict.Results);
    }

    [Fact]
    public void A_declared_value_contradicted_by_a_result_of_a_rule_carrying_the_named_check_is_one_conflict()
    {
        var account = Result("CHK-CRED-01", Outcome.Fail, "CMP2001", "fw.bin!/etc/shadow");

        var conflict = Assert.Single(Conflicts(Declared([Fact("default-passwords", "false")]), account));

        Assert.Equal("default-passwords", conflict.Fact);
        Assert.Contains("found accounts with a default, empty or known password (CMP2001 on fw.bin!/etc/shadow)", conflict.Description, StringComparison.Ordinal);
        Assert.Equal([account.Fingerprint], conflict.Results);
    }

    [Fact]
    public void The_conflict_names_at_most_five_results()
    {
        var clients = Enumerable.Range(0, 7).Select(i => Result("CHK-UPD-01", Outcome.Pass, "CMP2049", $"fw.bin!/bin/client{i}")).ToArray();

        var conflict = Assert.Single(Conflicts(Declared([Fact("update-mechanism", "false")]), clients));

        Assert.Equal(clients.Take(5).Select(c => c.Fingerprint), conflict.Results);
    }

    public static TheoryData<string> NoConflictCases() => new()
    {
        "no declaration",
        "the fact is not declared",
        "another value is declared",
        "the named rule's outcome differs",
        "another rule has the outcome",
    };

    [Theory]
    [MemberData(nameof(NoConflictCases))]
    public void No_conflict_without_the_declared_value_and_the_named_evidence(string name)
    {
        var client = Result("CHK-UPD-01", Outcome.Pass, "CMP2049", "fw.bin!/usr/bin/swupdate");
        var (declaration, results) = name switch
        {
            "no declaration" => (Declaration.None, new[] { client }),
            "the fact is not declared" => (Declared([Fact("default-passwords", "true")]), [client]),
            "another value is declared" => (Declared([Fact("update-mechanism", "true")]), [client]),
            "the named rule's outcome differs" => (Declared([Fact("update-mechanism", "false")]), [Result("CHK-UPD-01", Outcome.NotApplicable, "CMP2049"), Result("CHK-UPD-01", Outcome.Fail, "CMP2049", "fs/b")]),
            "another rule has the outcome" => (Declared([Fact("update-mechanism", "false")]), [Result("CHK-UPD-01", Outcome.Pass, "CMP2050")]),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };

        Assert.Empty(Conflicts(declaration, results));
    }

    [Fact]
    public void Each_contradicted_fact_is_its_own_conflict_in_catalog_order()
    {
        var declaration = Declared([Fact("default-passwords", "false"), Fact("update-mechanism", "false")]);

        var conflicts = Conflicts(declaration, Result("CHK-CRED-01", Outcome.Fail, "CMP2001"), Result("CHK-UPD-01", Outcome.Pass, "CMP2049"));

        Assert.Equal(["update-mechanism", "default-passwords"], conflicts.Select(c => c.Fact));
    }
}
