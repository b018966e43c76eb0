namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>A setting's value and where it was written, for the reasons of a verdict.</summary>
internal sealed record Setting(string Value, FileLocation Location)
{
    public override string ToString() => $"{Value} ({Location})";

    /// <summary>"a (f:1), b (f:2)" for a reason text; at most a few, then "and N more".</summary>
    public static string List(IReadOnlyCollection<Setting> settings)
    {
        const int Shown = 4;
        var text = string.Join(", ", settings.Take(Shown));
        return settings.Count > Shown ? $"{text} and {settings.Count - Shown} more" : text;
    }
}
