using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;
using ComplianceAuditor.Rules.Loading;

namespace ComplianceAuditor.Rules.Tests;

/// <summary>
/// The shipped schemes against the standards catalog (../shared/docs/standards-catalog.md): complete (every provision
/// the catalog lists, none dropped), reachable (each says how it is settled), and consistent with the declaration
/// vocabulary.
/// </summary>
public sealed class SchemeCatalogTests
{
    private static readonly RuleSet BuiltIn = RuleSetLoader.Load(Array.Empty<string>()).RuleSet
        ?? throw new InvalidOperationException("the built-in rules do not load; see RuleSetLoaderTests");

    public static TheoryData<string, int, string> CatalogCounts() => new()
    {
        // scheme, provisions, where the catalog lists them
        { "etsi-en-303-645", 68, "section 2: the 67 provisions of clauses 5 and 6, plus 4-1" },
        { "ietf-suit-architecture-requirements", 10, "mission-context.md: the ten requirements" },
        { "rfc-9019", 21, "section 1.1: 9019-3.1 to 9019-7.5" },
        { "rfc-9124", 35, "section 1.3.3 (21 REQ.SEC) and 1.3.4 (14 REQ.USE)" },
        { "uk-psti", 3, "section 4: the three security requirements of Schedule 1" },
        { "au-smart-device-rules-2025", 5, "section 3.3: Schedule 1 clauses 2 to 4, sections 9 and 10" },
        { "au-iot-code-of-practice", 13, "section 3.1: the thirteen principles" },
        { "eu-cra-annex-i", 22, "section 7: Part I (1, 2(a) to 2(m)) and Part II (1 to 8)" },
        { "nist-ir-8259a", 22, "section 6.1: DI, DC, DP, LA, SU and CSA elements" },
        { "nist-ir-8425", 10, "section 6.2: six product outcomes and four developer activities" },
        { "owasp-isvs-v3", 44, "section 8.1: every V3 requirement, grouped rows expanded" },
    };

    [Theory]
    [MemberData(nameof(CatalogCounts))]
    public void Scheme_has_every_provision_the_catalog_lists(string id, int count, string where)
    {
        var scheme = Scheme(id);

        Assert.True(count == scheme.Provisions.Count, $"{id}: expected {count} provisions ({where}), found {scheme.Provisions.Count}");
    }

    [Fact]
    public void Every_scheme_the_issue_names_is_shipped_and_nothing_else_is_silently_added()
    {
        Assert.Equal(
            ["au-iot-code-of-practice", "au-smart-device-rules-2025", "au-star-rating-model", "etsi-en-303-645", "eu-cra-annex-i",
             "ietf-suit-architecture-requirements", "nist-ir-8259a", "nist-ir-8425", "owasp-isvs-v3", "rfc-9019", "rfc-9124", "sg-cls",
             "suit-manifest", "uk-psti"],
            BuiltIn.Schemes.Select(s => s.Id));
    }

    [Fact]
    public void Etsi_marks_32_of_67_provisions_mandatory_plus_4_1_and_has_the_ts_103_701_test_cases()
    {
        var scheme = Scheme("etsi-en-303-645");
        var clauses = scheme.Provisions.Where(p => p.Id != "4-1").ToArray();

        Assert.Equal(67, clauses.Length);
        Assert.Equal(32, clauses.Count(p => p.Status == ProvisionStatus.Mandatory));
        Assert.Equal(ProvisionStatus.Mandatory, scheme.FindProvision("4-1")!.Status);
        // TS 103 701 V1.1.1: 109 test cases, 62 conceptual, 46 functional and one both (catalog section 2.1).
        Assert.Equal(109, scheme.Provisions.Sum(p => p.TestCases.Count));
        Assert.Equal(62, scheme.Provisions.Count(p => p.TestCaseTypes is "c" or "c+f"));
        Assert.Equal(46, scheme.Provisions.Count(p => p.TestCaseTypes is "f" or "c+f"));
        Assert.Single(scheme.Provisions, p => p.TestCaseTypes == "c/f");
        Assert.All(scheme.Provisions, p => Assert.All(p.TestCases, c => Assert.StartsWith(p.Id + "-", c, StringComparison.Ordinal)));
        Assert.Equal(["5.3-2-1", "5.3-2-2"], scheme.FindProvision("5.3-2")!.TestCases);
    }

    [Fact]
    public void Etsi_conditional_provisions_carry_their_annex_b_conditions()
    {
        var scheme = Scheme("etsi-en-303-645");

        Assert.Equal(13, scheme.Conditions.Count);
        Assert.Equal(["9", "12"], scheme.FindProvision("5.3-6")!.Conditions);
        Assert.Equal(["11", "12"], scheme.FindProvision("5.3-10")!.Conditions);
        Assert.Equal(["13"], scheme.FindProvision("5.6-4")!.Conditions);
        Assert.Equal(("device-class", "constrained"), (scheme.Conditions.Single(c => c.Id == "4").Fact, scheme.Conditions.Single(c => c.Id == "4").EqualsValue));
    }

    [Fact]
    public void Rfc_9124_lists_every_security_and_usability_requirement_by_its_own_id()
    {
        var ids = Scheme("rfc-9124").Provisions.Select(p => p.Id).ToArray();

        Assert.Equal(21, ids.Count(i => i.StartsWith("REQ.SEC.", StringComparison.Ordinal)));
        Assert.Equal(14, ids.Count(i => i.StartsWith("REQ.USE.", StringComparison.Ordinal)));
        Assert.Contains("REQ.SEC.SEQUENCE", ids);
        Assert.Contains("REQ.SEC.AUTH.IMG_TYPE", ids);
    }

    [Fact]
    public void Regulations_rate_pass_or_fail_labels_rate_by_level_and_our_model_by_stars()
    {
        Assert.Equal(RatingModel.PassFail, Scheme("uk-psti").Rating.Model);
        Assert.Equal(RatingModel.PassFail, Scheme("au-smart-device-rules-2025").Rating.Model);
        Assert.Equal(RatingModel.Levels, Scheme("sg-cls").Rating.Model);
        Assert.Equal(4, Scheme("sg-cls").Rating.Levels.Count);
        var stars = Scheme("au-star-rating-model");
        Assert.Equal((SchemeKind.Model, RatingModel.Stars, 5), (stars.Kind, stars.Rating.Model, stars.Rating.Levels.Count));
        Assert.Contains("ComplianceAuditor", stars.Description + stars.Rating.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Cls_level_4_needs_a_laboratory_so_the_tool_can_never_award_it()
    {
        var scheme = Scheme("sg-cls");
        var level4 = scheme.Rating.Levels.Single(l => l.Level == 4).Provisions.Select(id => scheme.FindProvision(id)!).ToArray();

        Assert.Contains(level4, p => p.Assessment is [AssessmentMethod.Lab]);
    }

    [Fact]
    public void Uk_psti_requirements_derive_from_the_en_303_645_provisions_that_give_deemed_compliance()
    {
        var scheme = Scheme("uk-psti");

        Assert.Equal(["etsi-en-303-645:5.1-1", "etsi-en-303-645:5.1-2"], scheme.FindProvision("Sch1-1")!.DerivedFrom.Select(r => r.ToString()));
        Assert.Equal(["etsi-en-303-645:5.2-1"], scheme.FindProvision("Sch1-2")!.DerivedFrom.Select(r => r.ToString()));
        Assert.Equal(["etsi-en-303-645:5.3-13"], scheme.FindProvision("Sch1-3")!.DerivedFrom.Select(r => r.ToString()));
    }

    public static TheoryData<string, string> Provisions()
    {
        var data = new TheoryData<string, string>();
        foreach (var scheme in BuiltIn.Schemes)
        {
            foreach (var provision in scheme.Provisions)
            {
                data.Add(scheme.Id, provision.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Provisions))]
    public void Provision_is_reachable_by_checks_a_question_or_a_laboratory(string schemeId, string provisionId)
    {
        var p = Scheme(schemeId).FindProvision(provisionId)!;
        var catalog = BuiltIn.Catalog.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(p.Assessment);
        if (p.Assessment.Contains(AssessmentMethod.Automated))
        {
            Assert.True(p.Checks.Count > 0 || p.DerivedFrom.Count > 0, "automated without checks or derived provisions");
            Assert.All(p.Checks, c => Assert.Contains(c, catalog));
            Assert.All(p.DerivedFrom, r => Assert.NotNull(BuiltIn.FindScheme(r.Scheme)?.FindProvision(r.Provision)));
        }

        if (p.Assessment.Contains(AssessmentMethod.Declaration))
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Question));
            Assert.EndsWith("?", p.Question!.TrimEnd(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_scheme_condition_is_answered_by_a_declared_fact()
    {
        foreach (var scheme in BuiltIn.Schemes)
        {
            Assert.All(scheme.Conditions, c => Assert.NotNull(BuiltIn.FindFact(c.Fact)));
        }
    }

    [Fact]
    public void Facts_contradictions_name_rules_that_ship()
    {
        var named = BuiltIn.Facts.SelectMany(f => f.ContradictedBy).SelectMany(c => c.Rules).Distinct().ToArray();

        Assert.NotEmpty(named);
        Assert.All(named, id => Assert.NotNull(BuiltIn.FindRule(id)));
    }

    [Fact]
    public void Every_fact_is_used_by_a_condition_settles_a_provision_or_is_asked_of_every_device()
    {
        var used = BuiltIn.Schemes.SelectMany(s => s.Conditions).Select(c => c.Fact).ToHashSet(StringComparer.Ordinal);
        string[] core = ["connectivity", "sbom-provided", "statement-of-compliance"];

        Assert.All(BuiltIn.Facts, f => Assert.True(used.Contains(f.Id) || f.Settles.Count > 0 || core.Contains(f.Id), $"fact {f.Id} is used nowhere"));
    }

    private static SchemeDefinition Scheme(string id) => BuiltIn.FindScheme(id) ?? throw new InvalidOperationException($"scheme {id} is not shipped");
}
