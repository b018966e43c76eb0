using ComplianceAuditor.Update.Boot.Fit;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>Device trees made to hurt the reader: lying lengths, deep nesting, dangling names, path bombs.</summary>
public sealed class HostileTreeTests
{
    private readonly FitImageFormat _fit = new();
    private readonly ControlDeviceTreeFormat _control = new();

    [Fact]
    public void A_property_length_that_wraps_a_32_bit_offset_back_to_the_start_is_a_problem_not_a_loop()
    {
        // In 32-bit arithmetic, offset + 12 + 0xFFFFFFF4 lands on the same token again: a C parser could spin forever.
        var blob = new FdtBlob().Begin("").Begin("images").Property("loop", [], declaredLength: 0xFFFF_FFF4).End().End().Build();

        var inspection = Corpus.Inspect(_fit, blob)!;

        Assert.Contains("past the end of the struct block", inspection.Problem, StringComparison.Ordinal);
        Assert.Empty(inspection.Parts);
    }

    [Fact]
    public void Nesting_deeper_than_U_Boot_walks_is_a_problem()
    {
        var fdt = new FdtBlob().Begin("").Begin("images");
        for (var i = 0; i < 5000; i++)
        {
            fdt.Begin("n");
        }

        for (var i = 0; i < 5000; i++)
        {
            fdt.End();
        }

        var inspection = Corpus.Inspect(_fit, fdt.End().End().Build())!;

        Assert.Contains("deeper than 32", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_name_offset_past_the_strings_block_is_a_problem()
    {
        var blob = new FdtBlob().Begin("").Begin("signature").Property("algo", "sha256,rsa2048"u8.ToArray(), nameOffset: 0x7FFF_0000).End().End().Build();

        var inspection = Corpus.Inspect(_control, blob)!;

        Assert.Contains("outside the", inspection.Problem, StringComparison.Ordinal);
        Assert.Equal("U-Boot control device tree", inspection.Format);
        Assert.NotNull(FitRequiredKeys.Read(blob)!.Problem);
    }

    [Fact]
    public void Long_paths_repeated_over_many_leaves_are_refused_before_the_parser_builds_them()
    {
        // 30 nested nodes with 4000-character names, then 20,000 leaves: every leaf's path would be 120,000
        // characters, 2.4 billion in all, from a blob of 360 KB.
        var fdt = new FdtBlob().Begin("").Begin("images");
        for (var i = 0; i < 29; i++)
        {
            fdt.Begin(new string((char)('a' + (i % 26)), 4000));
        }

        for (var i = 0; i < 20_000; i++)
        {
            fdt.Begin("x").End();
        }

        for (var i = 0; i < 29; i++)
        {
            fdt.End();
        }

        var inspection = Corpus.Inspect(_fit, fdt.End().End().Build())!;

        Assert.Contains("node paths add up", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_struct_block_without_an_END_token_and_stray_END_NODE_tokens_are_problems()
    {
        var noEnd = new FdtBlob().Begin("").Begin("images").End().End().Build(withEndToken: false);
        var stray = new FdtBlob().Begin("").Begin("images").End().End().End().Nop().Build();

        Assert.NotNull(Corpus.Inspect(_fit, noEnd)!.Problem);
        var broken = Corpus.Inspect(_fit, stray)!;
        Assert.Contains("without an open node", broken.Problem, StringComparison.Ordinal);
        Assert.False(broken.RollbackSupported);
        Assert.Null(Corpus.Inspect(_control, stray));
    }

    [Fact]
    public void Configuration_signatures_with_hostile_region_lists_are_refused_like_U_Boot_refuses_them()
    {
        var many = string.Concat(Enumerable.Range(0, 101).Select(i => $"/n{i}\0"));
        var blob = new FdtBlob().Begin("").Begin("images").Begin("k").Property("data", [1, 2, 3]).End().End()
            .Begin("configurations").Begin("c")
            .Begin("signature-1").Property("algo", "sha256,rsa2048").Property("value", new byte[256]).Property("hashed-nodes", "/\0/configurations/c\0"u8.ToArray())
                .Property("hashed-strings", [0, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF]).End()
            .Begin("signature-2").Property("algo", "sha256,rsa2048").Property("value", new byte[256]).Property("hashed-nodes", "/\0/configurations/c"u8.ToArray()).End()
            .Begin("signature-3").Property("algo", "sha256,rsa2048").Property("value", new byte[256]).Property("hashed-nodes", many + "/configurations/c").End()
            .Begin("signature-4").Property("algo", "sha256,rsa2048").Property("hashed-nodes", "/\0/configurations/c\0"u8.ToArray()).End()
            .End().End().End().Build();

        var signatures = Corpus.Inspect(_fit, blob)!.Signatures;

        Assert.All(signatures, s => Assert.Equal(SignatureStatus.Invalid, s.Status));
        Assert.Contains("past the end of the FIT", signatures[0].Reason, StringComparison.Ordinal);
        Assert.Contains("no usable hashed-nodes", signatures[1].Reason, StringComparison.Ordinal);
        Assert.Contains("more than the 100", signatures[2].Reason, StringComparison.Ordinal);
        Assert.Contains("no signature value", signatures[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void External_data_past_the_end_of_the_file_is_a_problem_of_that_image()
    {
        var blob = new FdtBlob().Begin("").Begin("images")
            .Begin("far").Property("data-position", 0x7FFF_0000).Property("data-size", 16).Begin("hash-1").Property("algo", "sha256").End().End()
            .Begin("huge").Property("data-offset", 0).Property("data-size", 0xFFFF_FFFF)
                .Begin("signature-1").Property("algo", "sha256,rsa2048").Property("value", new byte[256]).End().End()
            .End().End().Build();

        var inspection = Corpus.Inspect(_fit, blob)!;

        Assert.All(inspection.Parts, p => Assert.Contains("past the end", p.Problem, StringComparison.Ordinal));
        Assert.Equal(inspection.Parts[0].Problem, inspection.Problem);
        Assert.Null(inspection.Integrity);
        Assert.Equal(SignatureStatus.Invalid, Assert.Single(inspection.Signatures).Status);
        Assert.Contains("has no data in the file", inspection.Signatures[0].Reason, StringComparison.Ordinal);
    }
}
