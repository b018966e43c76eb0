using ComplianceAuditor.Repository.Audit;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Repository.Tests;

/// <summary>Tags as the signed-tags rule sees them: lightweight, annotated, and annotated with a signature block.</summary>
public sealed class RepositoryFactsReaderTests
{
    private const string PgpBlock = "\n-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEEexample\n-----END PGP SIGNATURE-----\n";

    [Fact]
    public void Each_tag_is_read_with_its_commit_and_the_kind_of_signature_it_carries()
    {
        using var git = new GitRepoBuilder();
        var commit = git.Write("a.txt", "a\n").Commit("first");
        var tagger = GitRepoBuilder.SignatureAt(5);
        git.Repo.Tags.Add("v1.0", commit);
        git.Repo.Tags.Add("v1.1", commit, tagger, "release 1.1\n");
        git.Repo.Tags.Add("v1.2", commit, tagger, "release 1.2\n" + PgpBlock);
        git.Repo.Tags.Add("v1.3", commit, tagger, "release 1.3\n-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n");

        var facts = RepositoryFactsReader.Read(git.Root);

        Assert.Null(facts.Problem);
        Assert.False(facts.Shallow);
        Assert.Equal(["v1.0", "v1.1", "v1.2", "v1.3"], facts.Tags.Select(t => t.Name));
        Assert.All(facts.Tags, t => Assert.Equal(commit.Sha, t.Commit));
        Assert.Equal([false, true, true, true], facts.Tags.Select(t => t.Annotated));
        Assert.Equal([null, null, "OpenPGP", "SSH"], facts.Tags.Select(t => t.Signature));
    }

    [Fact]
    public void A_folder_that_is_no_repository_gives_a_problem()
    {
        using var temp = new TempDirectory();

        var facts = RepositoryFactsReader.Read(temp.Path);

        Assert.Empty(facts.Tags);
        Assert.NotNull(facts.Problem);
        Assert.False(RepositoryLocator.IsInsideRepository(temp.Path));
    }
}
