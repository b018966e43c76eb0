namespace ComplianceAuditor.Repository.Tests;

/// <summary>
/// Items reach the caller from the pipeline's thread in the order the walk found them, and what the caller's callback
/// throws comes back to the caller of the scan, without a hang.
/// </summary>
public sealed class ItemPipelineTests
{
    [Fact]
    public void A_new_text_file_comes_as_its_blob_then_its_lines_commit_after_commit()
    {
        using var git = new GitRepoBuilder();
        var first = git.Write("a.conf", "one\n").Commit("first");
        var second = git.Write("a.conf", "one\ntwo\n").Commit("second");

        var (_, items) = git.Scan();

        Assert.Equal(
            [(first.Sha, HistoryItemKind.NewBlob), (first.Sha, HistoryItemKind.AddedLines), (second.Sha, HistoryItemKind.NewBlob), (second.Sha, HistoryItemKind.AddedLines)],
            items.Select(i => (i.CommitId, i.Kind)));
    }

    [Fact]
    public void What_the_callback_throws_comes_back_to_the_caller()
    {
        using var git = new GitRepoBuilder();
        for (var i = 0; i < 20; i++)
        {
            git.Write($"f{i}.conf", $"line {i}\n").Commit($"commit {i}");
        }

        var seen = 0;
        var thrown = Assert.Throws<InvalidOperationException>(() => HistoryScan.Run(git.Repo, new HistoryScanOptions(), _ =>
        {
            if (++seen == 5)
            {
                throw new InvalidOperationException("the consumer broke");
            }
        }));

        Assert.Equal("the consumer broke", thrown.Message);
        Assert.Equal(5, seen);
    }

    [Fact]
    public void A_cancelled_consumer_ends_the_scan_with_the_cancellation()
    {
        using var git = new GitRepoBuilder();
        for (var i = 0; i < 20; i++)
        {
            git.Write($"f{i}.conf", $"line {i}\n").Commit($"commit {i}");
        }

        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => HistoryScan.Run(git.Repo, new HistoryScanOptions(), _ =>
        {
            cancel.Cancel();
            cancel.Token.ThrowIfCancellationRequested();
        }));
    }
}
