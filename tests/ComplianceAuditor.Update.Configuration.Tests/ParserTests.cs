using ComplianceAuditor.Update.Configuration.Parsing;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class ParserTests
{
    [Fact]
    public void Libconfig_groups_lists_and_arrays_flatten_to_paths_with_lines_and_comments_are_dropped()
    {
        const string Text = """
            # comment
            globals : {
              /* public-key-file = "x.pem"; */
              verbose = true; // trailing
              name = "a" "b";
            };
            update-types: ( { name = "OS"; no-downgrading = "5.0"; }, { name = "App"; } );
            list = [ 1, 2 ];
            """;

        var entries = LibconfigReader.Read(Text, out var problem);

        Assert.Null(problem);
        Assert.DoesNotContain(entries, e => e.Key.EndsWith("public-key-file", StringComparison.Ordinal));
        Assert.Contains(new ConfigEntry("globals.verbose", "true", 4), entries);
        Assert.Contains(new ConfigEntry("globals.name", "ab", 5), entries);
        Assert.Contains(new ConfigEntry("update-types[0].no-downgrading", "5.0", 7), entries);
        Assert.Contains(new ConfigEntry("update-types[1].name", "App", 7), entries);
        Assert.Contains(new ConfigEntry("list[1]", "2", 8), entries);
    }

    [Theory]
    [InlineData("a = ")]
    [InlineData("a = { b = 1;")]
    [InlineData("a = ( 1, 2")]
    [InlineData("= 3;")]
    [InlineData("a \"unterminated")]
    [InlineData("a = \"unterminated")]
    public void Libconfig_syntax_errors_are_reported_and_keep_what_was_read(string text)
    {
        var entries = LibconfigReader.Read("first = 1;\n" + text, out var problem);

        Assert.NotNull(problem);
        Assert.Contains(new ConfigEntry("first", "1", 1), entries);
    }

    [Fact]
    public void Libconfig_nesting_deeper_than_the_limit_stops_with_a_problem_not_a_stack_overflow()
    {
        var text = "a = " + string.Concat(Enumerable.Repeat("{ b = ", 100_000)) + "1;";

        _ = LibconfigReader.Read(text, out var problem);

        Assert.Contains("nesting deeper", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Ini_sections_keys_and_comments_are_read_with_lines()
    {
        var entries = IniReader.Read(TextFile.FromText("/f", "# c\n[keyring]\npath = /etc/k.pem\n; x = y\n[slot.rootfs.0]\nbootname=A\nnoequals\n"));

        Assert.Equal([new IniEntry("keyring", "path", "/etc/k.pem", 3), new IniEntry("slot.rootfs.0", "bootname", "A", 6)], entries);
    }

    [Fact]
    public void Kconfig_reads_values_not_set_lines_and_sysbuild_prefixes_the_last_assignment_winning()
    {
        var file = KconfigFile.Read("CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_S=\"x \\\"q\\\"\"\nSB_CONFIG_C=m\nCONFIG_A=n\nnoise\n", "f")!;

        Assert.False(file.IsEnabled("A"));
        Assert.Equal(5, file.Get("A")!.Line);
        Assert.True(file.IsDisabled("B"));
        Assert.Equal("x \"q\"", file.Get("S")!.Value);
        Assert.True(file.IsEnabled("C"));
        Assert.Null(KconfigFile.Read("no assignments here", "f"));
    }

    [Fact]
    public void Apt_conf_flat_and_nested_forms_give_the_same_keys()
    {
        const string Text = """
            Acquire::https::Verify-Peer "false"; // flat
            Acquire { https { Verify-Host "false"; }; AllowInsecureRepositories "true"; };
            /* Acquire::Check-Valid-Until "false"; */
            """;

        var entries = AptConfReader.Read(TextFile.FromText("/etc/apt/apt.conf", Text));

        Assert.Equal(
            [new ConfigEntry("Acquire::https::Verify-Peer", "false", 1), new ConfigEntry("Acquire::https::Verify-Host", "false", 2),
             new ConfigEntry("Acquire::AllowInsecureRepositories", "true", 2)],
            entries);
    }

    [Theory]
    [InlineData("url = \"http://example.com/a.swu\";", TransportIssueKind.PlainHttp)]
    [InlineData("get ftp://files.example.com/fw.bin", TransportIssueKind.PlainFtp)]
    [InlineData("tftp://10.0.0.1/fw.bin", TransportIssueKind.Tftp)]
    public void Unauthenticated_urls_are_found_with_their_kind(string line, TransportIssueKind kind)
    {
        Assert.Equal(kind, Assert.Single(UrlScanner.Find(line)).Kind);
    }

    [Theory]
    [InlineData("https://example.com")]
    [InlineData("sftp://example.com/x")]
    [InlineData("http://localhost:8080/x")]
    [InlineData("http://127.0.0.1/x")]
    [InlineData("http://")]
    public void Authenticated_loopback_and_empty_urls_are_not_issues(string line)
    {
        Assert.Empty(UrlScanner.Find(line));
    }

    [Fact]
    public void Long_lines_and_many_lines_are_cut_and_marked()
    {
        var file = TextFile.FromText("/f", new string('a', 20_000) + "\n" + string.Concat(Enumerable.Repeat("x\n", 60_000)));

        Assert.True(file.Truncated);
        Assert.Equal(TextFile.MaxLineLength, file.Lines[0].Length);
        Assert.Equal(TextFile.MaxLines, file.Lines.Count);
    }
}
