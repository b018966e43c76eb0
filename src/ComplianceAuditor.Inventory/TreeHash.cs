using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory;

/// <summary>
/// The hash of a directory tree: SHA-256 over one line per file, in path order, of its relative path, kind,
/// content hash and link target. Fed a file at a time, so the tree's text is never built whole.
/// </summary>
internal sealed class TreeHash : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _line = new();

    public void Add(Artifact file)
    {
        _line.Clear().Append(file.RelativePath).Append('\0').Append(file.Kind).Append('\0').Append(file.Sha256).Append('\0').Append(file.LinkTarget).Append('\n');
        _sha.AppendData(Encoding.UTF8.GetBytes(_line.ToString()));
    }

    public string Finish() => Convert.ToHexStringLower(_sha.GetHashAndReset());

    public void Dispose() => _sha.Dispose();
}
