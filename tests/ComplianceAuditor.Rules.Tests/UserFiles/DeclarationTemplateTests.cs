using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Schemes;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Rules.UserFiles;

namespace ComplianceAuditor.Rules.Tests.UserFiles;

public sealed partial class DeclarationTemplateTests
{
    private static readonly Core.Rules.RuleSet BuiltIn = RuleSetLoader.Load(Array.Empty<string>()).RuleSet!;

    [Fact]
    public void The_untouched_template_is_a_valid_declaration_that_declares_nothing()
    {
        using var file = new TempFile(DeclarationTemplate.Write(BuiltIn, BuiltIn.Schemes, "test"));

        var (declaration, errors) = DeclarationLoader.Load(file.Path, BuiltIn, new DateOnly(2026, 11, 24));

        Assert.Empty(errors);
        Assert.Empty(declaration!.Facts);
        Assert.Empty(declaration.Answers);
    }

    [Fact]
    public void Uncommenting_every_line_gives_a_valid_declaration_answering_every_question()
    {
        var schemes = new[] { BuiltIn.FindScheme("etsi-en-303-645")!, BuiltIn.FindScheme("uk-psti")! };
        var template = DeclarationTemplate.Write(BuiltIn, schemes, "test");
        // Uncommented as a user would: the product fields, every fact, every scheme key and every provision line.
        var filled = string.Join('\n', template.Split('\n').Select(Uncomment));
        using var file = new TempFile(filled);

        var (declaration, errors) = DeclarationLoader.Load(file.Path, BuiltIn, new DateOnly(2026, 11, 24));

        Assert.Empty(errors);
        var asked = schemes.Sum(s => s.Provisions.Count(p => p.Assessment.Contains(AssessmentMethod.Declaration)));
        Assert.Equal(asked, declaration!.Answers.Count(a => a.Evidence == "doc 1"));
        Assert.All(schemes.SelectMany(s => s.Conditions).Select(c => c.Fact).Distinct(), f => Assert.NotNull(declaration.Fact(f)));
    }

    [Fact]
    public void The_template_asks_each_provision_question_of_the_chosen_schemes_only()
    {
        var template = DeclarationTemplate.Write(BuiltIn, [BuiltIn.FindScheme("uk-psti")!], "test");

        Assert.Contains("# \"Sch1-1\": { met: true", template, StringComparison.Ordinal);
        Assert.DoesNotContain("\"5.8-3\"", template, StringComparison.Ordinal);
        // uk-psti derives from EN 303 645, whose conditions decide derived verdicts too: their facts are asked.
        Assert.Contains("# preinstalled-passwords:", template, StringComparison.Ordinal);
    }

    private static string Uncomment(string line)
    {
        var m = Placeholder().Match(line);
        if (!m.Success)
        {
            return line;
        }

        var key = m.Groups["key"].Value.Trim('"');
        var known = BuiltIn.FindFact(key) is not null || BuiltIn.FindScheme(key) is not null || m.Groups["key"].Value.StartsWith('"')
            || key is "manufacturer" or "model" or "firmwareVersion" or "declaredBy" or "date";
        if (!known)
        {
            return line;
        }

        var value = key == "date" ? "2026-11-01" : m.Groups["value"].Value.Replace("\"...\"", "\"doc 1\"", StringComparison.Ordinal).Replace("...", "x", StringComparison.Ordinal);
        return $"{m.Groups["indent"].Value}{m.Groups["key"].Value}:{(value.Length > 0 ? " " + value : "")}";
    }

    // "  # key: value    # hint", "  # scheme-id:" or "    # \"5.1-1\": { ... }"; prose comments do not match.
    [GeneratedRegex(@"^(?<indent>\s*)# (?<key>""[^""]+""|[a-zA-Z0-9-]+):(?: (?<value>.+?))?(?:\s{4}#.*)?$")]
    private static partial Regex Placeholder();
}
