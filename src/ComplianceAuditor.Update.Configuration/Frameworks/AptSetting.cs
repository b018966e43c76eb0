namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>One apt.conf option (flattened key, unquoted value) and where it was set.</summary>
internal sealed record AptSetting(string Key, string Raw, FileLocation Location)
{
    /// <summary>The option as apt.conf writes it: <c>Acquire::https::Verify-Peer "false"</c>.</summary>
    public string Value => $"{Key} \"{Raw}\"";

    public override string ToString() => $"{Value} ({Location})";
}
