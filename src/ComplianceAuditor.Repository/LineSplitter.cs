namespace ComplianceAuditor.Repository;

/// <summary>Splits text into numbered lines: no line breaks (CRLF and LF alike), 1-based numbers.</summary>
internal static class LineSplitter
{
    public static List<AddedLine> Split(string text)
    {
        var lines = new List<AddedLine>();
        var start = 0;
        var number = 1;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var stop = end < 0 ? text.Length : end;
            lines.Add(new AddedLine(number++, StripBreak(text[start..stop])));
            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return lines;
    }

    /// <summary>Removes a trailing LF and a CR before it, so CRLF files give the same line text as LF files.</summary>
    public static string StripBreak(string line)
    {
        var length = line.Length;
        if (length > 0 && line[length - 1] == '\n')
        {
            length--;
        }

        if (length > 0 && line[length - 1] == '\r')
        {
            length--;
        }

        return length == line.Length ? line : line[..length];
    }
}
