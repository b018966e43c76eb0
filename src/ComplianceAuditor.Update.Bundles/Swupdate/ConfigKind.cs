namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>The shapes a <see cref="ConfigNode"/> takes.</summary>
internal enum ConfigKind
{
    Group,
    List,
    Scalar,
}
