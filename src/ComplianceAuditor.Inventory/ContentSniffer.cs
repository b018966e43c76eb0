using System.Text;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory;

/// <summary>Tells text, ELF and other binary content apart from the first bytes of a file, never from its name.</summary>
public static class ContentSniffer
{
    public const int HeadBytes = 8192;

    public static ArtifactKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 0x7f && head[1] == (byte)'E' && head[2] == (byte)'L' && head[3] == (byte)'F')
        {
            return ArtifactKind.Elf;
        }

        if (head.IndexOf((byte)0) >= 0)
        {
            return ArtifactKind.Binary;
        }

        // Text if it decodes as UTF-8 (allowing a sequence cut at the end of the sample) with under 10 % control characters;
        // a stray escape or bell in a config file does not make it binary.
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            var text = decoder.GetString(TrimPartialSequence(head));
            var controls = text.Count(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f');
            return controls * 10 > text.Length ? ArtifactKind.Binary : ArtifactKind.Text;
        }
        catch (DecoderFallbackException)
        {
            return ArtifactKind.Binary;
        }
    }

    private static ReadOnlySpan<byte> TrimPartialSequence(ReadOnlySpan<byte> bytes)
    {
        // Drop up to three trailing bytes of a multi-byte sequence the sample cut in half.
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0xC0)
            {
                return bytes[..^back];
            }

            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        return bytes;
    }
}
