using ComplianceAuditor.Analyzers.Infrastructure;

namespace ComplianceAuditor.Analyzers.Update;

/// <summary>A method that installs or loads what it is given, and which of its arguments carry the data.</summary>
internal sealed class UpdateSinkRule
{
    private UpdateSinkRule(ApiName api, int dataArgument, int pathArgument, bool rawAssemblyOnly)
    {
        Api = api;
        DataArgument = dataArgument;
        PathArgument = pathArgument;
        RawAssemblyOnly = rawAssemblyOnly;
    }

    public ApiName Api { get; }

    /// <summary>The argument that must carry downloaded data; -1 when any argument will do.</summary>
    public int DataArgument { get; }

    /// <summary>The argument holding a file path that must look like an update location; -1 when there is none.</summary>
    public int PathArgument { get; }

    /// <summary>A bound call is a sink only when its first parameter is a byte array (Assembly.Load(byte[])).</summary>
    public bool RawAssemblyOnly { get; }

    public static UpdateSinkRule RawAssembly(string name) => new(Single(name), 0, -1, rawAssemblyOnly: true);

    public static UpdateSinkRule AnyArgument(string name) => new(Single(name), -1, -1, rawAssemblyOnly: false);

    public static UpdateSinkRule AnyArgument(ApiName name) => new(name, -1, -1, rawAssemblyOnly: false);

    /// <summary><c>File.WriteAllBytes(path, data)</c>: a sink when the path looks like a firmware or update location.</summary>
    public static UpdateSinkRule FileWrite(string name) => new(Single(name), 1, 0, rawAssemblyOnly: false);

    private static ApiName Single(string name) => UpdateApiTables.Parse(name)[0];
}
