using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Update.Tests.Support;

/// <summary>
/// A small Linux root file system in a temporary folder, audited as a folder target: <c>/etc/passwd</c> (what makes
/// it a Linux-class root) and whatever update client files a test adds. Paths are written '/'-rooted, as on the device.
/// </summary>
internal sealed class LinuxRoot : IDisposable
{
    /// <summary>Stands in for a program: the scan recognises update clients by path, not by content.</summary>
    public static readonly byte[] Program = [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[56]];

    private readonly TempDirectory folder = new();

    public LinuxRoot(bool withPasswd = true)
    {
        if (withPasswd)
        {
            Add("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
        }
    }

    public string Path => folder.Path;

    public LinuxRoot Add(string path, string text)
    {
        folder.Write(path.TrimStart('/'), text);
        return this;
    }

    public LinuxRoot Add(string path, byte[] bytes)
    {
        folder.Write(path.TrimStart('/'), bytes);
        return this;
    }

    /// <summary>SWUpdate: the program and its swupdate.cfg.</summary>
    public LinuxRoot SwUpdate(string config) => Add("/usr/bin/swupdate", Program).Add("/etc/swupdate.cfg", config);

    /// <summary>RAUC: the program and its system.conf.</summary>
    public LinuxRoot Rauc(string systemConf) => Add("/usr/bin/rauc", Program).Add("/etc/rauc/system.conf", systemConf);

    public async Task<IReadOnlyList<CheckResult>> AuditAsync(params string[] ruleIds) => await RuleAudit.RunAsync(Path, ruleIds);

    /// <summary>The one result of a target-scoped rule on this root.</summary>
    public async Task<CheckResult> JudgeAsync(string ruleId) => RuleAudit.Only(await AuditAsync(ruleId), ruleId);

    public void Dispose() => folder.Dispose();
}
