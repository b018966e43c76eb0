namespace ComplianceAuditor.Rules.Tests.UserFiles;

/// <summary>A file in a private temporary folder, removed with it.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ca-userfile-").FullName;

    public TempFile(string text, string name = "file.yaml")
    {
        Path = System.IO.Path.Combine(_folder, name);
        File.WriteAllText(Path, text);
    }

    public TempFile(byte[] bytes, string name)
    {
        Path = System.IO.Path.Combine(_folder, name);
        File.WriteAllBytes(Path, bytes);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
