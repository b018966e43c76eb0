namespace ComplianceAuditor.Update.Configuration;

/// <summary>The names <see cref="UpdateFrameworkFinding.Name"/> takes; rules and reports match on them.</summary>
public static class UpdateFrameworkNames
{
    public const string SwUpdate = "SWUpdate";
    public const string Rauc = "RAUC";
    public const string Mender = "Mender";
    public const string OsTree = "OSTree";
    public const string Fwupd = "fwupd";
    public const string OpenWrtSysupgrade = "OpenWrt sysupgrade";
    public const string Opkg = "opkg";
    public const string Apt = "apt";
    public const string HawkBit = "hawkBit/DDI";
    public const string Aktualizr = "aktualizr (Uptane)";
    public const string AndroidUpdateEngine = "Android update_engine";

    /// <summary>A script or program named like an updater that downloads or flashes firmware itself.</summary>
    public const string CustomScript = "custom update script";
}
