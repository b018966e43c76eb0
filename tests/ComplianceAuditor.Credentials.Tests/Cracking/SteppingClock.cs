namespace ComplianceAuditor.Credentials.Tests.Cracking;

/// <summary>A clock that moves one millisecond each time it is read, so that budgets run out at a known point.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private long now;

    public override long TimestampFrequency => 1000;

    public override long GetTimestamp() => now++;
}
