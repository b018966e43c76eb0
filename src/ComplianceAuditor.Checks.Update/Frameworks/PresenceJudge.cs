using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Update.Frameworks;

/// <summary>
/// <c>no-update-mechanism</c>: a Linux-class root file system (it has /etc/passwd, /sbin/init or /etc/inittab) must
/// carry some way to be updated. Other file systems (data partitions, microcontroller images) are not judged here.
/// </summary>
internal sealed class PresenceJudge : IFrameworkJudge
{
    public CheckOutcome Judge(FrameworkScan scan)
    {
        var roots = scan.FileSystems.Where(fs => fs.View.IsLinuxRoot).ToList();
        if (roots.Count == 0)
        {
            return CheckOutcome.NotApplicable("no Linux-class root file system (with /etc/passwd, /sbin/init or /etc/inittab) among the target's file systems");
        }

        var without = roots.Where(fs => fs.Result.NoUpdateMechanismFound).ToList();
        if (without.Count > 0)
        {
            return CheckOutcome.Fail(
                $"no update mechanism in {string.Join(", ", without.Select(fs => fs.View.Name))}: none of SWUpdate, RAUC, Mender, OSTree, fwupd, hawkBit, opkg, apt, sysupgrade or an update script was found",
                [.. without.Select(fs => FrameworkScan.File(fs.View, "/etc/passwd", "a Linux root file system without an update mechanism"))],
                string.Join('\n', without.Select(fs => fs.View.Name)));
        }

        return CheckOutcome.Pass(string.Join("; ", roots.Select(fs => $"{fs.View.Name}: {string.Join(", ", fs.Result.Findings.Select(f => f.Name))}")));
    }
}
