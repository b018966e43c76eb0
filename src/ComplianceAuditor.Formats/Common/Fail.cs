using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Common;

/// <summary>Builds the exceptions of malformed input, with invariant formatting of offsets and sizes.</summary>
internal static class Fail
{
    public static UnpackException Malformed(string format, FormattableString message) =>
        new($"{format}: {FormattableString.Invariant(message)}");
}
