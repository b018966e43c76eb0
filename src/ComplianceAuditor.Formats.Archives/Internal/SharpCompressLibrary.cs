namespace ComplianceAuditor.Formats.Archives.Internal;

/// <summary>The third-party library behind most readers here, named on every artifact they produce.</summary>
internal static class SharpCompressLibrary
{
    /// <summary>The version the readers were written and tested against; a test holds it to the assembly that loads.</summary>
    public const string Version = "0.50.8";

    /// <summary>In-process, but not our code: the report says which library read the bytes.</summary>
    public const string Extractor = "SharpCompress " + Version;
}
