using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

/// <summary>A shell script standing in for an external extractor, written into a test's temporary folder.</summary>
internal static class FakeProgram
{
    public static string Write(TempDirectory folder, string name, string body)
    {
        var path = folder.Write(Path.Combine("bin", name), "#!/bin/sh\n" + body.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("fake programs are shell scripts");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}

/// <summary>A fact that needs an installed program (and optionally a shared corpus file); skipped where either is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ProgramFactAttribute : FactAttribute
{
    public ProgramFactAttribute(string program, string? sharedPath = null)
    {
        if (External.ProgramLocator.FindOnPath(program) is null)
        {
            Skip = $"skipped: {program} is not installed";
        }
        else if (sharedPath is not null && !Path.Exists(Path.Combine(RepositoryPaths.Shared, sharedPath)))
        {
            Skip = $"skipped: ../shared/{sharedPath} is absent";
        }
    }
}
