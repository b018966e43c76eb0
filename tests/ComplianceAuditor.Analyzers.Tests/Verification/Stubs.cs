namespace ComplianceAuditor.Analyzers.Tests.Verification;

/// <summary>The API stub sources under Stubs/, embedded so that they compile into a test's source and nowhere else.</summary>
internal static class Stubs
{
    public static string NanoFramework { get; } = Read("NanoFramework");

    public static string Meadow { get; } = Read("Meadow");

    public static string Mqtt { get; } = Read("Mqtt");

    /// <summary>Any stub file under Stubs/ by its name without extension (a family may add its own file there).</summary>
    public static string Get(string name) => Read(name);

    private static string Read(string name)
    {
        using var stream = typeof(Stubs).Assembly.GetManifestResourceStream($"Stubs.{name}.cs")
            ?? throw new InvalidOperationException($"stub {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
