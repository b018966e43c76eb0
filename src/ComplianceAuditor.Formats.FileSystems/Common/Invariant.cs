using System.Globalization;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Common;

/// <summary>Messages are formatted with the invariant culture so offsets and counts read the same everywhere.</summary>
internal static class Invariant
{
    public static string Text(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);

    public static UnpackException Malformed(FormattableString message) => new(Text(message));
}
