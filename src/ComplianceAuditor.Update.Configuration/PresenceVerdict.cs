namespace ComplianceAuditor.Update.Configuration;

/// <summary>A presence judgement with the reason: "slots rootfs.0 and rootfs.1 in /etc/rauc/system.conf".</summary>
public sealed record PresenceVerdict(Presence State, string Reason)
{
    public static PresenceVerdict Present(string reason) => new(Presence.Present, reason);

    public static PresenceVerdict Absent(string reason) => new(Presence.Absent, reason);

    public static PresenceVerdict Unknown(string reason) => new(Presence.Unknown, reason);
}
