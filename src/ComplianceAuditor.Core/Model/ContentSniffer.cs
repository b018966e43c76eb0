using System.Buffers;
using System.Text;

namespace ComplianceAuditor.Core.Model;

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

        // Text when under 10 % of the characters are control characters or invalid UTF-8: a Latin-1 copyright sign
        // or a stray escape in a config file must not hide it from the text rules.
        // Decoded into a pooled buffer, not a string: this runs once per file of every tree.
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(head.Length));
        try
        {
            var length = Encoding.UTF8.GetChars(head, chars);
            var odd = 0;
            foreach (var c in chars.AsSpan(0, length))
            {
                if (c == '\uFFFD' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f'))
                {
                    odd++;
                }
            }

            return odd * 10 > length ? ArtifactKind.Binary : ArtifactKind.Text;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
