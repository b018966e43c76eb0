using System.Globalization;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository;

/// <summary>The evidence fields of one commit, read once so items do not keep LibGit2Sharp objects alive.</summary>
internal sealed record CommitInfo(string Id, string AuthorName, string AuthorEmail, DateTimeOffset AuthorDate)
{
    public static CommitInfo From(Commit commit)
    {
        try
        {
            var author = commit.Author;
            return new CommitInfo(commit.Sha, author.Name ?? string.Empty, author.Email ?? string.Empty, author.When.ToUniversalTime());
        }
        catch (ArgumentOutOfRangeException)
        {
            // A crafted commit can carry a date or zone no calendar holds, and LibGit2Sharp cannot then give its author at
            // all; the commit's content is read all the same, under a placeholder.
            return new CommitInfo(commit.Sha, "(author unreadable: impossible date)", string.Empty, DateTimeOffset.UnixEpoch);
        }
    }

    public static string FormatIso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
