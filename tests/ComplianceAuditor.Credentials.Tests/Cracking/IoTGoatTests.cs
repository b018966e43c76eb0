using ComplianceAuditor.Credentials.Accounts;
using ComplianceAuditor.Credentials.Cracking;
using ComplianceAuditor.Credentials.Dictionary;
using ComplianceAuditor.Tests.Shared;
using Xunit.Abstractions;

namespace ComplianceAuditor.Credentials.Tests.Cracking;

/// <summary>OWASP IoTGoat's OpenWrt image ships a shadow file whose accounts use Mirai's passwords.</summary>
public sealed class IoTGoatTests(ITestOutputHelper output)
{
    private const string Shadow = "corpus/IoTGoat/OpenWrt/openwrt-18.06.2/files/etc/shadow";

    [SharedFact(Shadow)]
    public void The_iotgoatuser_password_is_a_Mirai_password()
    {
        var shadow = ShadowFile.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, Shadow)));
        Assert.Empty(shadow.Problems);
        var targets = shadow.Entries.Select(e => new CrackTarget(e.Name, e.Hash)).ToList();

        // A generous budget: this test is about what matches, not about speed.
        var cracker = new HashCracker(new CrackBudget { MaxWallTime = TimeSpan.FromMinutes(5) });
        var outcomes = cracker.Crack(targets, DefaultCredentials.BuiltIn);
        foreach (var outcome in outcomes)
        {
            output.WriteLine($"{outcome.Account}: {outcome.Status} {outcome.Reason}");
        }

        var user = Assert.Single(outcomes, o => o.Account == "iotgoatuser");
        Assert.Equal(CrackStatus.Cracked, user.Status);
        Assert.Equal("7ujMko0vizxv", user.Password);
        Assert.Equal(new Candidate("mirai-2016", 44, "root", "7ujMko0vizxv"), Assert.Single(user.Matches));

        var root = outcomes.First(o => o.Account == "root");
        Assert.Equal(CrackStatus.NotFound, root.Status);
        Assert.Equal(root.Total, root.Tried);
        Assert.All(outcomes.Where(o => o.Account is "daemon" or "ftp" or "network" or "nobody" or "dnsmasq"),
            o => Assert.Equal(CrackStatus.Skipped, o.Status));
    }
}
