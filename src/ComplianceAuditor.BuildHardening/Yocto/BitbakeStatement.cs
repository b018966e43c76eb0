namespace ComplianceAuditor.BuildHardening.Yocto;

/// <summary>One BitBake assignment or directive after joining backslash continuations.</summary>
/// <param name="Variable">The variable without overrides (<c>IMAGE_FEATURES</c>), or the directive (<c>inherit</c>, <c>require</c>, <c>include</c>).</param>
/// <param name="Overrides">Override suffixes such as <c>append</c>, <c>remove</c> or <c>pn-foo</c>, old <c>_append</c> syntax included.</param>
/// <param name="Operator">"=", "?=", "??=", ":=", "+=", "=+", ".=", "=." or empty for a directive.</param>
/// <param name="Value">The value without its quotes.</param>
/// <param name="Line">The line the statement starts on.</param>
/// <param name="LineStarts">For each physical line after the first, the offset in <paramref name="Value"/> where it begins.</param>
internal sealed record BitbakeStatement(string Variable, IReadOnlyList<string> Overrides, string Operator, string Value, int Line, IReadOnlyList<int> LineStarts)
{
    /// <summary>The physical line holding the character at <paramref name="offset"/> of the value.</summary>
    public int LineAt(int offset)
    {
        // The starts are ascending: a binary search keeps this cheap for values joined from thousands of lines.
        var (low, high) = (0, LineStarts.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = LineStarts[middle] <= offset ? (middle + 1, high) : (low, middle);
        }

        return Line + low;
    }
}
