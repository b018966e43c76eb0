using ComplianceAuditor.ProcessEvidence.Sbom;

namespace ComplianceAuditor.ProcessEvidence.Tests;

public sealed class SbomFilesTests
{
    [Fact]
    public void CycloneDx_json_is_found_with_spec_version_and_line()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/release/widget.cdx.json", "{\n  \"$schema\": \"x\",\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.5\"\n}");

        var finding = Assert.Single(SbomFiles.Find(files).Findings);

        Assert.Equal(SbomKind.CycloneDxJson, finding.Kind);
        Assert.Equal("1.5", finding.Detail);
        Assert.Equal(("/release/widget.cdx.json", 3), (finding.Evidence.Path, finding.Evidence.Line));
    }

    [Fact]
    public void CycloneDx_xml_and_spdx_documents_are_found()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/bom.xml", "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\" version=\"1\">\n</bom>")
            .Add("/sbom/fw.spdx", "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n")
            .Add("/sbom/fw.spdx.json", "{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"SPDXRef-DOCUMENT\"}");

        var report = SbomFiles.Find(files);

        Assert.Equal([SbomKind.CycloneDxXml, SbomKind.SpdxTagValue, SbomKind.SpdxJson], report.Findings.Select(f => f.Kind));
        Assert.Equal(2, report.Findings[0].Evidence.Line);
        Assert.Equal("SPDX-2.3", report.Findings[1].Detail);
        Assert.True(report.HasSbomFile);
        Assert.False(report.HasCiGeneration);
    }

    [Fact]
    public void Json_that_only_mentions_the_formats_is_rejected()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/sbom-plan.json", "{\"notes\": \"we will publish bomFormat CycloneDX and spdxVersion SPDX-2.3\", " +
                "\"example\": {\"bomFormat\": \"CycloneDX\"}}")
            .Add("/bom.json", "{ not json at all")
            .Add("/package.json", "{\"keywords\": [\"cyclonedx\", \"spdx\"]}");

        var report = SbomFiles.Find(files);

        Assert.Empty(report.Findings);
        Assert.Equal(["/bom.json", "/sbom-plan.json"], report.RejectedCandidates);
    }

    [Fact]
    public void Sbom_generation_in_ci_is_found_but_comments_are_ignored()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/.github/workflows/release.yml", "jobs:\n  sbom:\n    steps:\n      # - run: syft old\n" +
                "      - uses: anchore/sbom-action@v0\n      - run: cyclonedx-npm --output-file bom.json\n")
            .Add("/.gitlab-ci.yml", "sbom:\n  script:\n    - trivy fs --format cyclonedx -o bom.json .\n");

        var report = SbomFiles.Find(files);

        Assert.True(report.HasCiGeneration);
        Assert.Equal(
            [("/.github/workflows/release.yml", 5, "anchore/sbom-action"), ("/.github/workflows/release.yml", 6, "cyclonedx-npm"),
                ("/.gitlab-ci.yml", 3, "trivy")],
            report.Findings.Select(f => (f.Evidence.Path, f.Evidence.Line, f.Detail)).OrderBy(x => x.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void Repository_without_sbom_is_empty()
    {
        var report = SbomFiles.Find(new InMemoryRepositoryFiles().Add("/README.md", "CycloneDX is nice").Add("/.github/workflows/ci.yml", "run: make"));

        Assert.Empty(report.Findings);
        Assert.False(report.HasSbomFile);
    }
}
