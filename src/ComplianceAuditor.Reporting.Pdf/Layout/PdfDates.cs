using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// Rewrites the information dictionary's dates as UTC. SkiaSharp 4.155 derives their zone offset from the machine's
/// time zone even for a UTC <see cref="DateTime"/> (<c>ToLocalTime().Hour - ToUniversalTime().Hour</c>), so outside
/// UTC the PDF states the wrong instant and the same report gives different bytes on different machines. The
/// replacement has the same length, so the cross-reference offsets stay valid.
/// </summary>
internal static class PdfDates
{
    // Skia writes D:YYYYMMDDHHmmSS followed by +HH'mm' or -HH'mm'.
    private const int ValueLength = 23;

    private static readonly string[] Keys = ["/CreationDate (", "/ModDate ("];

    public static void SetUtc(byte[] pdf, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var value = Encoding.ASCII.GetBytes("D:" + date.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00'");
        if (value.Length != ValueLength)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "a PDF date needs a four-digit year");
        }

        foreach (var key in Keys)
        {
            var start = pdf.AsSpan().IndexOf(Encoding.ASCII.GetBytes(key));
            if (start < 0 || !IsSkiaDate(pdf.AsSpan(start + key.Length)))
            {
                throw new InvalidOperationException(
                    $"the PDF from Skia has no {key.Trim(' ', '(')} in the expected form; has the SkiaSharp version changed?");
            }

            value.CopyTo(pdf, start + key.Length);
        }
    }

    private static bool IsSkiaDate(ReadOnlySpan<byte> s) =>
        s.Length > ValueLength && s[0] == 'D' && s[1] == ':' && Digits(s.Slice(2, 14)) && s[16] is (byte)'+' or (byte)'-'
        && Digits(s.Slice(17, 2)) && s[19] == '\'' && Digits(s.Slice(20, 2)) && s[22] == '\'' && s[ValueLength] == ')';

    private static bool Digits(ReadOnlySpan<byte> s)
    {
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }
}
