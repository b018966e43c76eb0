using System.Globalization;
using ComplianceAuditor.Core.IO;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>Decompressed output bounded: past the limit the read fails with <see cref="InvalidDataException"/>.</summary>
internal static class BoundedStream
{
    public static Stream Over(Stream inner, long limit) =>
        new LimitedReadStream(inner, limit, l => new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"more than {l} bytes after decompression")));
}
