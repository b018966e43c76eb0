namespace ComplianceAuditor.Update.Configuration;

/// <summary>A line of a file, 1-based, printed as <c>/etc/swupdate.cfg:12</c>.</summary>
public sealed record FileLocation(string Path, int Line)
{
    public override string ToString() => Path + ":" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
