namespace ComplianceAuditor.Tests.Shared;

/// <summary>A fact that needs a Unix device file (<c>/dev/zero</c>); on other systems it is skipped, and says why.</summary>
internal sealed class UnixFactAttribute : Xunit.FactAttribute
{
    public UnixFactAttribute(string device)
    {
        if (!File.Exists(device))
        {
            Skip = $"skipped: {device} does not exist on this system";
        }
    }
}
