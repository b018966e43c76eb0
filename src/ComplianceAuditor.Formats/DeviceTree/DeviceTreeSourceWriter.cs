using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Formats.DeviceTree;

/// <summary>
/// Renders a parsed tree as device-tree source in the layout <c>dtc -I dtb -O dts</c> (1.6) prints, so that people
/// know it and content rules can search it: a value is a string when it ends in NUL, has only printable characters
/// and NULs, and no more NULs than other bytes (embedded NULs shown as <c>\0</c>); otherwise 32-bit cells when its
/// length is a multiple of 4; otherwise bytes. Output is bounded: very long values are cut with a note, and the
/// whole text stops at a size limit.
/// </summary>
internal static class DeviceTreeSourceWriter
{
    /// <summary>Bytes of one value rendered before it is cut; keys, hashes and tables fit, embedded payloads do not.</summary>
    private const int MaxValueBytes = 16 * 1024;

    /// <summary>Result of <see cref="Render"/>: the text and whether it had to be truncated.</summary>
    public readonly record struct Rendering(string Text, bool Truncated);

    public static Rendering Render(FlattenedDeviceTree tree, int maxChars)
    {
        var sb = new StringBuilder();
        sb.Append("/dts-v1/;\n\n");
        foreach (var r in tree.MemoryReservations)
        {
            sb.Append(CultureInfo.InvariantCulture, $"/memreserve/\t0x{r.Address:x16} 0x{r.Size:x16};\n");
        }

        // An explicit stack keeps deep (but bounded) trees from recursing on the call stack.
        var stack = new Stack<(FdtNode Node, bool Closing)>();
        stack.Push((tree.Root, false));
        while (stack.Count > 0)
        {
            if (sb.Length > maxChars)
            {
                sb.Length = maxChars;
                sb.Append("\n/* output truncated */\n");
                return new Rendering(sb.ToString(), true);
            }

            var (node, closing) = stack.Pop();
            var indent = new string('\t', node.Depth);
            if (closing)
            {
                sb.Append(indent).Append("};\n");
                continue;
            }

            if (node.Depth > 0)
            {
                sb.Append('\n');
            }

            sb.Append(indent).Append(node.Depth == 0 ? "/" : node.Name).Append(" {\n");
            foreach (var p in node.Properties)
            {
                sb.Append(indent).Append('\t').Append(p.Name);
                if (p.Length > 0)
                {
                    sb.Append(" = ");
                    AppendValue(sb, p);
                }

                sb.Append(";\n");
            }

            stack.Push((node, true));
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], false));
            }
        }

        return new Rendering(sb.ToString(), false);
    }

    /// <summary>Appends a non-empty value in source syntax: <c>"text"</c>, <c>&lt;0x1 0x2&gt;</c> or <c>[01 02]</c>.</summary>
    public static void AppendValue(StringBuilder sb, FdtProperty p)
    {
        if (!p.IsValueLoaded)
        {
            sb.Append(CultureInfo.InvariantCulture, $"[] /* {p.Length} bytes at 0x{p.ValueOffset:x}, not shown */");
            return;
        }

        var span = p.Value.Span;
        var shown = Math.Min(span.Length, MaxValueBytes);
        if (LooksLikeText(span))
        {
            sb.Append('"');
            foreach (var b in span[..Math.Min(span.Length - 1, shown)])
            {
                AppendEscaped(sb, b);
            }

            sb.Append('"');
        }
        else if (span.Length % 4 == 0)
        {
            sb.Append('<');
            for (var i = 0; i < shown; i += 4)
            {
                var cell = (uint)((span[i] << 24) | (span[i + 1] << 16) | (span[i + 2] << 8) | span[i + 3]);
                sb.Append(i == 0 ? string.Empty : " ").Append(CultureInfo.InvariantCulture, $"0x{cell:x2}");
            }

            sb.Append('>');
        }
        else
        {
            sb.Append('[');
            for (var i = 0; i < shown; i++)
            {
                sb.Append(i == 0 ? string.Empty : " ").Append(CultureInfo.InvariantCulture, $"{span[i]:x2}");
            }

            sb.Append(']');
        }

        if (shown < span.Length)
        {
            sb.Append(CultureInfo.InvariantCulture, $" /* first {shown} of {span.Length} bytes */");
        }
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> value)
    {
        if (value.Length == 0 || value[^1] != 0)
        {
            return false;
        }

        var nuls = 0;
        foreach (var b in value)
        {
            if (b == 0)
            {
                nuls++;
            }
            else if (b is (< 0x20 and not (>= 0x07 and <= 0x0D)) or >= 0x7F)
            {
                return false;
            }
        }

        return nuls <= value.Length - nuls;
    }

    private static void AppendEscaped(StringBuilder sb, byte b)
    {
        switch (b)
        {
            case 0: sb.Append("\\0"); break;
            case 0x07: sb.Append("\\a"); break;
            case 0x08: sb.Append("\\b"); break;
            case 0x09: sb.Append("\\t"); break;
            case 0x0A: sb.Append("\\n"); break;
            case 0x0B: sb.Append("\\v"); break;
            case 0x0C: sb.Append("\\f"); break;
            case 0x0D: sb.Append("\\r"); break;
            case (byte)'\\': sb.Append("\\\\"); break;
            case (byte)'"': sb.Append("\\\""); break;
            default: sb.Append((char)b); break;
        }
    }
}
