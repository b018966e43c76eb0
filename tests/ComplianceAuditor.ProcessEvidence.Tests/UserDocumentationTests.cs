using ComplianceAuditor.ProcessEvidence.Documentation;

namespace ComplianceAuditor.ProcessEvidence.Tests;

public sealed class UserDocumentationTests
{
    [Theory]
    [InlineData("## Over-the-air updates", DocTopic.UpdateBehaviour)]
    [InlineData("Updating the firmware\n---------------------", DocTopic.UpdateBehaviour)]
    [InlineData("== Security best practices", DocTopic.SecureSetup)]
    [InlineData("<h2 id=\"harden\">Hardening guide</h2>", DocTopic.SecureSetup)]
    [InlineData("### Factory reset", DocTopic.DataDeletion)]
    [InlineData("Deleting your data\n==================", DocTopic.DataDeletion)]
    public void Headings_in_each_markup_are_recognised(string heading, DocTopic topic)
    {
        var finding = Assert.Single(UserDocumentation.Scan("/docs/guide.md", heading + "\n"));

        Assert.Equal((topic, 1, true), (finding.Topic, finding.Evidence.Line, finding.IsHeading));
    }

    [Theory]
    [InlineData("Updates are installed automatically at 3 am.", DocTopic.UpdateBehaviour)]
    [InlineData("The app will notify you when a firmware update is available.", DocTopic.UpdateBehaviour)]
    [InlineData("Change the default password on first login.", DocTopic.SecureSetup)]
    [InlineData("Disable telnet and UPnP if you do not need them.", DocTopic.SecureSetup)]
    [InlineData("Use the app to erase all your recordings and settings.", DocTopic.DataDeletion)]
    [InlineData("Restore the device to factory settings before you sell it.", DocTopic.DataDeletion)]
    public void Sentences_are_recognised(string sentence, DocTopic topic)
    {
        var finding = Assert.Single(UserDocumentation.Scan("/README.md", sentence));

        Assert.Equal((topic, false), (finding.Topic, finding.IsHeading));
    }

    [Theory]
    [InlineData("## Updating dependencies")]
    [InlineData("## Setup")]
    [InlineData("Run apt-get update before building.")]
    [InlineData("Delete the build folder to start again.")]
    [InlineData("* Factory settings are in config/defaults.h")]
    public void Developer_notes_are_not_user_documentation_of_a_topic(string line)
    {
        Assert.Empty(UserDocumentation.Scan("/README.md", line + "\n"));
    }

    [Fact]
    public void Only_user_documents_are_read()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/README.md", "# Device\n")
            .Add("/INSTALL", "Change the default password.\n")
            .Add("/docs/manual.rst", "Factory reset\n=============\n")
            .Add("/docs/logo.png", "not text")
            .Add("/src/README.md", "## Firmware updates\n")
            .Add("/CONTRIBUTING.md", "## Secure setup of the dev box\n");

        var report = UserDocumentation.Find(files);

        Assert.Equal(["/INSTALL", "/README.md", "/docs/manual.rst"], report.Documents);
        Assert.True(report.Covers(DocTopic.SecureSetup));
        Assert.True(report.Covers(DocTopic.DataDeletion));
        Assert.False(report.Covers(DocTopic.UpdateBehaviour));
    }

    [Fact]
    public void Findings_per_topic_and_file_are_bounded()
    {
        var text = string.Concat(Enumerable.Repeat("Perform a factory reset.\n", 1000));

        Assert.Equal(10, UserDocumentation.Scan("/docs/a.md", text).Count);
    }
}
