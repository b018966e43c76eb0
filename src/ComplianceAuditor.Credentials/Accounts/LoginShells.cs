using System.Collections.Frozen;

namespace ComplianceAuditor.Credentials.Accounts;

/// <summary>Whether a passwd shell gives an interactive login, so that a known password on that account matters most.</summary>
public static class LoginShells
{
    // Programs that end the session at once or only do one job (the classic sync/shutdown/halt accounts).
    private static readonly FrozenSet<string> NonLoginPrograms = new[]
    {
        "nologin", "false", "true", "sync", "shutdown", "halt", "reboot", "poweroff",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool CanLogIn(string? shell)
    {
        // An empty shell field means /bin/sh to login(1).
        if (string.IsNullOrEmpty(shell))
        {
            return true;
        }

        if (shell == "/dev/null")
        {
            return false;
        }

        var name = shell[(shell.LastIndexOf('/') + 1)..];
        return name.Length > 0 && !NonLoginPrograms.Contains(name);
    }
}
