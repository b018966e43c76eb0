using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Repository.Tests.Support;

/// <summary>
/// A repository working tree written by the test: a temporary folder with an empty .git inside (which makes it a repo
/// target) and whatever files the test adds.
/// </summary>
internal sealed class RepoFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public RepoFixture()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(_dir.Path, ".git"));
    }

    public string Path => _dir.Path;

    public RepoFixture With(string relativePath, string content)
    {
        _dir.Write(relativePath, content);
        return this;
    }

    public RepoFixture With(string relativePath, byte[] content)
    {
        _dir.Write(relativePath, content);
        return this;
    }

    /// <summary>The result of one rule on this repository.</summary>
    public async Task<CheckResult> JudgeAsync(string ruleId, InventoryOptions? options = null) =>
        RuleAudit.Only(await RuleAudit.RunAsync(Path, [ruleId], options), ruleId);

    /// <summary>The results of several rules, run together as an audit runs them.</summary>
    public async Task<IReadOnlyDictionary<string, CheckResult>> JudgeAllAsync(params string[] ruleIds) =>
        (await RuleAudit.RunAsync(Path, ruleIds)).ToDictionary(r => r.RuleId, StringComparer.Ordinal);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public void Dispose() => _dir.Dispose();
}
