using System.Text.Json;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Elf.Tests;

/// <summary>
/// What each committed fixture should give for each ELF rule, derived from <c>tests/fixtures/elf/expected.json</c>
/// (facts verified with readelf when the fixtures were built) by the verdict model of the rules.
/// </summary>
internal static class FixtureExpectation
{
    /// <summary>Plain C library functions that glibc has a <c>__*_chk</c> variant of (the ones the fixtures can import).</summary>
    private static readonly string[] Fortifiable =
        ["gets", "fgets", "strcpy", "strncpy", "strcat", "strncat", "stpcpy", "sprintf", "snprintf", "vsprintf", "vsnprintf",
         "printf", "fprintf", "vprintf", "vfprintf", "memcpy", "memmove", "memset", "read", "realpath", "getcwd"];

    public static IEnumerable<(string File, string Rule, Outcome Expected)> All()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ElfAudit.Fixtures, "expected.json")));
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var type = e.GetProperty("type").GetString()!;
            if (type == "malformed")
            {
                continue;
            }

            var file = e.GetProperty("file").GetString()!;
            foreach (var (rule, outcome) in Expected(e, type))
            {
                yield return (file, rule, outcome);
            }
        }
    }

    private static IEnumerable<(string, Outcome)> Expected(JsonElement e, string type)
    {
        var linkable = type is not ("REL" or "kernel-module");
        var stripped = e.GetProperty("stripped").GetBoolean();
        var staticStripped = type == "static" && stripped;
        var dangerous = e.GetProperty("dangerous").EnumerateArray().Select(x => x.GetString()!).ToArray();
        var imports = e.GetProperty("imports").EnumerateArray().Select(x => x.GetString()!).ToArray();

        yield return ("CMP1001", !linkable ? Outcome.NotApplicable : e.GetProperty("nx").GetString() == "pass" ? Outcome.Pass : Outcome.Fail);
        yield return ("CMP1002", !linkable ? Outcome.NotApplicable : e.GetProperty("relro").GetString() == "full" ? Outcome.Pass : Outcome.Fail);
        yield return ("CMP1003", !linkable ? Outcome.NotApplicable : staticStripped ? Outcome.Inconclusive : e.GetProperty("canary").GetBoolean() ? Outcome.Pass : Outcome.Fail);
        yield return ("CMP1004", !linkable || type == "DYN-shared" ? Outcome.NotApplicable : e.GetProperty("pie").GetString() == "pie" ? Outcome.Pass : Outcome.Fail);
        yield return ("CMP1005", !linkable ? Outcome.NotApplicable
            : staticStripped ? Outcome.Inconclusive
            : e.GetProperty("fortified").GetBoolean() ? Outcome.Pass
            : imports.Intersect(Fortifiable).Any() ? Outcome.Fail
            : Outcome.NotApplicable);
        yield return ("CMP1006", !linkable || type == "static" ? Outcome.NotApplicable
            : e.GetProperty("rpath").GetString() is "relative" or "writable" || e.GetProperty("runpath").GetString() is "relative" or "writable" ? Outcome.Fail
            : Outcome.Pass);
        yield return ("CMP1007", !linkable ? Outcome.NotApplicable : e.GetProperty("wx").GetBoolean() ? Outcome.Fail : Outcome.Pass);
        yield return ("CMP1008", type == "REL" ? Outcome.NotApplicable : e.GetProperty("debug").GetBoolean() ? Outcome.Fail : Outcome.Pass);
        var cfi = e.GetProperty("cet").ValueKind != JsonValueKind.Null ? e.GetProperty("cet") : e.GetProperty("btiPac");
        yield return ("CMP1009", !linkable || cfi.ValueKind == JsonValueKind.Null ? Outcome.NotApplicable : cfi.GetBoolean() ? Outcome.Pass : Outcome.Fail);
        yield return ("CMP1010", !linkable ? Outcome.NotApplicable
            : type == "static" ? Outcome.NotApplicable
            : dangerous.Length > 0 ? Outcome.Fail
            : Outcome.Pass);
    }
}
