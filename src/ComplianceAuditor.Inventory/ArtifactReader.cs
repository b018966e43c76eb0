using ComplianceAuditor.Core.IO;
using ComplianceAuditor.Core.Text;
using System.Security.Cryptography;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory;

/// <summary>Describes one file system entry as an artifact: kind, size, hash, without following links or opening special files.</summary>
internal static class ArtifactReader
{
    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData([]));

    public static Artifact Describe(string localPath, string virtualPath, string relativePath, string? parent, string targetName, CancellationToken cancellationToken)
    {
        var info = new FileInfo(localPath);
        var common = new Artifact { Path = virtualPath, Target = targetName, RelativePath = relativePath, Parent = parent, Kind = ArtifactKind.Binary };
        if (info.LinkTarget is not null)
        {
            return common with { Kind = ArtifactKind.Symlink, LinkTarget = info.LinkTarget };
        }

        if (UnixFileStatus.IsSpecial(localPath) == true)
        {
            return common with { Kind = ArtifactKind.Special, Note = "a FIFO, device node or socket; never opened" };
        }

        try
        {
            if (info.Length == 0)
            {
                // Where the file type is unknown, a zero-length entry may still be a FIFO or device: never open it.
                return common with { Kind = ArtifactKind.Text, Sha256 = EmptySha256, Content = EmptyContent.Instance };
            }

            var content = new FileContent(localPath);
            var (kind, sha) = SniffAndHash(content, cancellationToken);
            return common with { Kind = kind, Size = info.Length, Sha256 = sha, Content = content };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return common with { Kind = ArtifactKind.Unreadable, Size = SafeLength(info), Note = IoErrors.Describe(e) };
        }
    }

    /// <summary>Describes an image carved out of a file: its bytes stay where they are.</summary>
    public static Artifact DescribeWindow(WindowContent content, Artifact template, CancellationToken cancellationToken)
    {
        try
        {
            var (kind, sha) = SniffAndHash(content, cancellationToken);
            return template with { Kind = kind, Size = content.Length, Sha256 = sha, Content = content };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return template with { Kind = ArtifactKind.Unreadable, Size = content.Length, Note = IoErrors.Describe(e) };
        }
    }

    private static (ArtifactKind Kind, string Sha256) SniffAndHash(IArtifactContent content, CancellationToken cancellationToken)
    {
        using var stream = content.OpenRead();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            return Hash(stream, sha, buffer, cancellationToken);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (ArtifactKind Kind, string Sha256) Hash(Stream stream, IncrementalHash sha, byte[] buffer, CancellationToken cancellationToken)
    {
        var head = new byte[ContentSniffer.HeadBytes];
        var headLength = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (headLength < head.Length)
            {
                var take = Math.Min(read, head.Length - headLength);
                buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                headLength += take;
            }

            sha.AppendData(buffer, 0, read);
        }

        return (ContentSniffer.Detect(head.AsSpan(0, headLength)), Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private static long SafeLength(FileInfo info)
    {
        try
        {
            return info.Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
