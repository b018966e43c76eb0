using ComplianceAuditor.Core.Model;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Audit;

/// <summary>
/// A file of a bare repository, read from the object database when a check opens it. Each read opens the repository
/// anew: checks run on several threads, and one LibGit2Sharp repository object is not safe to share between them.
/// </summary>
internal sealed class GitBlobContent(string gitDirectory, string blobId) : IArtifactContent
{
    public Stream OpenRead()
    {
        try
        {
            using var repository = new LibGit2Sharp.Repository(gitDirectory);
            var blob = repository.Lookup<Blob>(blobId) ?? throw new IOException($"blob {blobId} is missing from the object database");
            using var stream = blob.GetContentStream();
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            return copy;
        }
        catch (LibGit2SharpException e)
        {
            // The engine turns an IOException into an inconclusive result naming the file.
            throw new IOException($"blob {blobId} could not be read: {e.Message}", e);
        }
    }
}
