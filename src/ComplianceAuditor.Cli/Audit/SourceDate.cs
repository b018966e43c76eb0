using System.Globalization;

namespace ComplianceAuditor.Cli.Audit;

/// <summary>
/// The report time: <c>SOURCE_DATE_EPOCH</c> when set (the reproducible-builds convention), so that the same inputs
/// give byte-identical reports; otherwise now, to the second.
/// </summary>
internal static class SourceDate
{
    public static DateTimeOffset Now(TimeProvider clock, Func<string, string?> environment)
    {
        var epoch = environment("SOURCE_DATE_EPOCH");
        if (!string.IsNullOrWhiteSpace(epoch))
        {
            if (!long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799)
            {
                throw new ArgumentException($"SOURCE_DATE_EPOCH must be a number of seconds since 1970, not '{epoch}'");
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
