using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// What Fluid sees when a template includes another: only the texts of the <see cref="TemplateSet"/>, read and checked
/// before rendering, so rendering never touches the disk and cannot be steered to other files. (Fluid parses each
/// include once and keeps it in the template cache of this writer's own options.)
/// </summary>
internal sealed class TemplateSetProvider(TemplateSet set) : IFileProvider
{
    /// <summary>A fixed time: nothing about the files' dates may reach the output.</summary>
    private static readonly DateTimeOffset Fixed = DateTimeOffset.UnixEpoch;

    public IFileInfo GetFileInfo(string subpath) =>
        set.Text(subpath) is { } text ? new MemoryFile(subpath, text) : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class MemoryFile(string name, string text) : IFileInfo
    {
        public bool Exists => true;

        public long Length => Encoding.UTF8.GetByteCount(text);

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => Fixed;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
    }
}
