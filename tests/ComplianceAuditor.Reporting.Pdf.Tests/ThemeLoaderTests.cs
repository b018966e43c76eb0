using ComplianceAuditor.Reporting.Theme;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

public sealed class ThemeLoaderTests
{
    [Fact]
    public void A_full_theme_is_read_with_its_logo_and_colours()
    {
        using var folder = new TempDirectory();
        var logo = ThemeFiles.Logo();
        var path = ThemeFiles.Write(folder, ThemeFiles.Full(), logo);

        var theme = ThemeLoader.Load(path);

        Assert.Equal("Acme Test Lab", theme.Name);
        Assert.Equal("Accreditation 4711", theme.Footer);
        Assert.Equal("png", theme.LogoFormat);
        Assert.Equal(logo, theme.Logo.ToArray());
        Assert.Equal(ThemeFiles.Primary, theme.Colours.Primary);
        Assert.Equal("#AA0000", theme.Colours.Fail);
        Assert.Equal(ThemeColours.Default.Pass, theme.Colours.Pass);
    }

    [Fact]
    public void The_shipped_example_theme_loads()
    {
        var theme = ThemeLoader.Load(Path.Combine(RepositoryPaths.Reports, "templates", "theme.example.yaml"));

        Assert.Equal("Example Test Laboratory", theme.Name);
        Assert.False(theme.HasLogo);
    }

    [Fact]
    public void The_schema_allows_exactly_the_keys_the_loader_knows()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reports, "templates", "theme.schema.json")));
        var properties = schema.RootElement.GetProperty("properties");

        Assert.Equal(ThemeLoader.Keys.Order(StringComparer.Ordinal), properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ThemeLoader.Colours.Order(StringComparer.Ordinal),
            properties.GetProperty("colours").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
    }

    [Theory]
    [InlineData("name: Lab\nlogoo: x.png\n", "lab.theme.yaml:2:1: unknown key 'logoo'")]
    [InlineData("name: Lab\ncolours:\n  primary: \"#123456\"\n  danger: \"#FF0000\"\n", "lab.theme.yaml:4:3: unknown colour 'danger'")]
    [InlineData("colours:\n  pass: green\n", "lab.theme.yaml:2:3: colour 'pass' must be written #RRGGBB")]
    [InlineData("name: [a, b]\n", "lab.theme.yaml:1:7: 'name' must be a single value")]
    [InlineData("name: a\nname: b\n", "lab.theme.yaml:2:1: 'name' is set twice")]
    [InlineData("- name\n", "a theme file is a mapping")]
    [InlineData("name: &x Lab\nfooter: *x\n", "anchors (&name) are not allowed")]
    public void A_bad_theme_names_the_file_the_place_and_the_problem(string yaml, string expected)
    {
        using var folder = new TempDirectory();
        var path = ThemeFiles.Write(folder, yaml);

        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Load(path));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_theme_file_is_a_theme_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-theme-{Guid.NewGuid():N}.yaml");

        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Load(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_logo_is_named()
    {
        using var folder = new TempDirectory();
        var path = ThemeFiles.Write(folder, "logo: nowhere.png\n");

        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Load(path));

        Assert.Contains($"{path}:1:1", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder.Path, "nowhere.png"), e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_logo_that_is_not_an_image_is_refused()
    {
        using var folder = new TempDirectory();
        var path = ThemeFiles.Write(folder, "logo: logo.png\n", "%PDF-1.7 not a picture"u8.ToArray());

        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Load(path));

        Assert.Contains("is not a PNG or JPEG image", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_logo_is_refused_before_it_is_read()
    {
        using var folder = new TempDirectory();
        var huge = new byte[ThemeLoader.MaxLogoBytes + 1];
        ThemeFiles.Logo().CopyTo(huge, 0);
        var path = ThemeFiles.Write(folder, "logo: logo.png\n", huge);

        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Load(path));

        Assert.Contains($"at most {ThemeLoader.MaxLogoBytes} bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_logo_with_a_png_signature_that_does_not_decode_stops_the_pdf_writer_at_once()
    {
        using var folder = new TempDirectory();
        var truncated = ThemeFiles.Logo()[..40];
        var theme = ThemeLoader.Load(ThemeFiles.Write(folder, "logo: logo.png\n", truncated));

        var e = Assert.Throws<ThemeException>(() => new PdfReportWriter(new PdfOptions { Theme = theme }));

        Assert.Contains("cannot be decoded", e.Message, StringComparison.Ordinal);
        Assert.Contains("logo.png", e.Message, StringComparison.Ordinal);
    }
}
