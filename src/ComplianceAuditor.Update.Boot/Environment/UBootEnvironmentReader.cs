using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Update.Boot.Environment;

/// <summary>
/// Reads a U-Boot environment: the binary form U-Boot stores in flash (a CRC32 of the data, an optional flag byte
/// for the redundant pair, then NUL-terminated <c>name=value</c> strings ending with an empty one), or text with one
/// <c>name=value</c> per line (<c>fw_printenv</c> output, <c>mkenvimage</c> input, <c>uEnv.txt</c>).
/// </summary>
public static class UBootEnvironmentReader
{
    /// <summary>More variables than any environment holds; bounds the work on hostile data.</summary>
    public const int MaxVariables = 10_000;

    /// <summary>Environment sizes (CONFIG_ENV_SIZE) tried when the blob is a whole flash sector or partition.</summary>
    private static readonly int[] CommonSizes = [0x1000, 0x2000, 0x4000, 0x8000, 0x10000, 0x20000, 0x40000];

    /// <summary>The environment in <paramref name="bytes"/>, binary or text; null when they are neither.</summary>
    public static UBootEnvironment? Read(ReadOnlySpan<byte> bytes) => ReadBinary(bytes) ?? ReadText(bytes);

    /// <summary>
    /// A binary environment: the CRC is tried in both byte orders (it is stored in the CPU's), over the whole blob and
    /// over the common environment sizes, with and without the redundant flag byte. When no CRC matches but the data
    /// still reads as variables, they are returned with <see cref="UBootEnvironment.CrcMatches"/> false.
    /// </summary>
    public static UBootEnvironment? ReadBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 6)
        {
            return null;
        }

        var little = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        var big = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var length = bytes.Length;
        foreach (var size in CommonSizes.Where(s => s < length).Prepend(length))
        {
            foreach (var header in (int[])[4, 5])
            {
                var crc = Crc32.Compute(bytes[header..size]);
                if (crc == little || crc == big)
                {
                    var (variables, problem) = Parse(bytes[header..size]);
                    return variables.Count == 0 ? null
                        : new UBootEnvironment(header == 5 ? "binary (redundant)" : "binary", true, size, variables, problem);
                }
            }
        }

        foreach (var header in (int[])[4, 5])
        {
            var (variables, problem) = Parse(bytes[header..]);
            if (variables.Count > 0 && problem is null)
            {
                return new UBootEnvironment(header == 5 ? "binary (redundant)" : "binary", false, null, variables, problem);
            }
        }

        return null;
    }

    /// <summary>Text with one <c>name=value</c> per line (blank lines and <c>#</c> comments allowed); null for anything else.</summary>
    public static UBootEnvironment? ReadText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t')
            {
                return null;
            }
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (SplitVariable(line) is not { } pair || variables.Count >= MaxVariables)
            {
                return null;
            }

            variables[pair.Name] = pair.Value;
        }

        return variables.Count == 0 ? null : new UBootEnvironment("text", null, null, variables, null);
    }

    private static (Dictionary<string, string> Variables, string? Problem) Parse(ReadOnlySpan<byte> data)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = 0;
        while (at < data.Length && data[at] != 0)
        {
            var nul = data[at..].IndexOf((byte)0);
            if (nul < 0)
            {
                return (variables, string.Create(CultureInfo.InvariantCulture, $"the variable at {at} is not NUL-terminated"));
            }

            if (variables.Count >= MaxVariables || SplitVariable(Encoding.Latin1.GetString(data.Slice(at, nul))) is not { } pair)
            {
                return (variables, string.Create(CultureInfo.InvariantCulture, $"the string at {at} is not a name=value variable"));
            }

            variables[pair.Name] = pair.Value;
            at += nul + 1;
        }

        return (variables, null);
    }

    /// <summary>A variable, when the name before '=' is non-empty and printable without spaces.</summary>
    private static (string Name, string Value)? SplitVariable(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || text.AsSpan(0, equals).ContainsAnyExceptInRange('!', '~'))
        {
            return null;
        }

        return (text[..equals], text[(equals + 1)..]);
    }
}
