namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <param name="Weight">Share of the table width, relative to the other columns' weights.</param>
/// <param name="Style">Style for this column's cells when a cell sets none (e.g. monospace for hashes).</param>
/// <param name="AlignRight">For numbers, so digits line up.</param>
internal sealed record TableColumn(string Header, float Weight, TextStyle? Style = null, bool AlignRight = false);
