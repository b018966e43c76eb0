using System.Globalization;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository;

/// <summary>The evidence fields of one commit, read once so items do not keep LibGit2Sharp objects alive.</summary>
internal sealed record CommitInfo(string Id, string AuthorName, string AuthorEmail, DateTimeOffset AuthorDate)
{
    public static CommitInfo From(Commit commit)
    {
        var author = commit.Author;
        return new CommitInfo(commit.Sha, author.Name ?? string.Empty, author.Email ?? string.Empty, author.When.ToUniversalTime());
    }

    public static string FormatIso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
