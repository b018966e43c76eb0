using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Tests;

public sealed class DeviceTreeTests
{
    private readonly DeviceTreeReader _reader = new();

    [Fact]
    public void The_parser_finds_nodes_and_typed_properties_of_a_dtc_blob()
    {
        // Values as written in board.dts in build.sh.
        var tree = FlattenedDeviceTree.Parse(Fixtures.Bytes("fit/board.dtb"));

        Assert.Equal(["acme,widget", "acme,board"], tree.Root.GetProperty("compatible")!.AsStringList());
        Assert.Equal("Acme Widget", tree.Root.GetProperty("model")!.AsString());
        Assert.Equal([0x80000000u, 0x4000000u], tree.FindNode("/memory")!.GetProperty("reg")!.AsCells());
        Assert.Equal("/memory@80000000", tree.FindNode("/memory")!.Path);
        var uart = tree.FindNode("/soc/serial@1000")!;
        Assert.Equal("ns16550a", uart.GetProperty("compatible")!.AsString());
        Assert.Equal(uart.GetProperty("phandle")!.AsUInt32(), tree.FindNode("/soc/intc")!.GetProperty("interrupt-parent")!.AsUInt32());
        Assert.Equal(new byte[] { 0, 0x11, 0x22, 0x33, 0x44, 0x55 }, tree.FindNode("soc")!.GetProperty("mac-address")!.Value.ToArray());
        Assert.Null(tree.FindNode("soc")!.GetProperty("mac-address")!.AsString());
        Assert.Equal(0, tree.FindNode("/soc")!.GetProperty("dma-coherent")!.Length);
        Assert.Equal([new FdtReservation(0x10000000, 0x4000)], tree.MemoryReservations);
        Assert.Null(tree.FindNode("/soc/missing"));
    }

    [Fact]
    public void A_plain_dtb_renders_exactly_as_dtc_decompiles_it()
    {
        var bytes = Fixtures.Bytes("fit/board.dtb");
        var match = Fixtures.Identify(_reader, bytes);
        Assert.Equal(bytes.Length, match!.Length);
        Assert.Null(Fixtures.Identify(new FitReader(), bytes));

        var entry = Assert.Single(Fixtures.Extract(_reader, bytes));

        Assert.Equal("device-tree.dts", entry.Entry.Path);
        Assert.Equal(File.ReadAllText(Path.Combine(Fixtures.Directory, "fit", "board.dtc.dts")), Encoding.UTF8.GetString(entry.Content!));
    }

    [Fact]
    public void The_public_key_mkimage_wrote_into_a_U_Boot_control_dtb_is_readable()
    {
        var tree = FlattenedDeviceTree.Parse(Fixtures.Bytes("fit/u-boot-control.dtb"));

        var key = tree.FindNode("/signature/key-dev")!;
        Assert.Equal("conf", key.GetProperty("required")!.AsString());
        Assert.Equal("sha256,rsa2048", key.GetProperty("algo")!.AsString());
        Assert.Equal(2048u, key.GetProperty("rsa,num-bits")!.AsUInt32());
        Assert.Equal(256, key.GetProperty("rsa,modulus")!.Length);
        Assert.Equal(65537ul, key.GetProperty("rsa,exponent")!.AsUInt64());
    }

    [Fact]
    public void A_struct_block_that_starts_past_totalsize_is_rejected()
    {
        var bytes = Fixtures.Bytes("fit/board.dtb");
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), (uint)bytes.Length + 0x100);
        Assert.Null(Fixtures.Identify(_reader, bytes));

        var error = Assert.Throws<UnpackException>(() => FlattenedDeviceTree.Parse(bytes));

        Assert.Contains("struct block at 0x", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not inside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nodes_nested_deeper_than_the_bound_are_rejected()
    {
        var builder = new FdtBuilder().BeginNode(string.Empty);
        for (var i = 0; i < 100; i++)
        {
            builder.BeginNode("n" + i);
        }

        for (var i = 0; i < 101; i++)
        {
            builder.EndNode();
        }

        var bytes = builder.Build();

        var error = Assert.Throws<UnpackException>(() => Fixtures.Extract(_reader, bytes));
        Assert.Contains("nested deeper than 64", error.Message, StringComparison.Ordinal);
        Assert.Equal(101, FlattenedDeviceTree.Parse(bytes, new FdtLimits { MaxDepth = 100 }).NodeCount);
    }

    [Fact]
    public void A_property_longer_than_the_struct_block_is_rejected()
    {
        var bytes = new FdtBuilder().BeginNode(string.Empty)
            .Property("model", "x\0"u8.ToArray(), declaredLength: 0x7FFFFFF0)
            .EndNode().Build();

        var error = Assert.Throws<UnpackException>(() => FlattenedDeviceTree.Parse(bytes));

        Assert.Contains("property 'model'", error.Message, StringComparison.Ordinal);
        Assert.Contains("past the end of the struct block", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Large_values_are_located_but_not_loaded()
    {
        var big = new byte[100_000];
        var bytes = new FdtBuilder().BeginNode(string.Empty).Property("blob", big).Property("small", [1, 2, 3, 4]).EndNode().Build();

        var tree = FlattenedDeviceTree.Parse(bytes);

        var blob = tree.Root.GetProperty("blob")!;
        Assert.False(blob.IsValueLoaded);
        Assert.Equal(100_000, blob.Length);
        Assert.Equal(40 + 16 + 8 + 12, blob.ValueOffset); // header, reservations, root BEGIN_NODE with its empty name, PROP header
        Assert.Throws<InvalidOperationException>(() => blob.Value);
        Assert.Equal(0x01020304u, tree.Root.GetProperty("small")!.AsUInt32());
    }

    [SharedFact("corpus/FACT_core/src/plugins/analysis/device_tree/test/data")]
    public void FACT_core_samples_parse_or_fail_cleanly()
    {
        var folder = Fixtures.Corpus("FACT_core", "src", "plugins", "analysis", "device_tree", "test", "data");
        var embed = Fixtures.Extract(_reader, File.ReadAllBytes(Path.Combine(folder, "dt_embed_test.dtb")));
        Assert.Contains("model = \"DeviceTreeTest-1\";", Encoding.UTF8.GetString(embed[0].Content!), StringComparison.Ordinal);

        var big = FlattenedDeviceTree.Parse(File.ReadAllBytes(Path.Combine(folder, "device_tree.dtb")));
        Assert.True(big.NodeCount > 10);

        var broken = File.ReadAllBytes(Path.Combine(folder, "broken.dtb"));
        Assert.Throws<UnpackException>(() => FlattenedDeviceTree.Parse(broken));
        Assert.Null(Fixtures.Identify(_reader, File.ReadAllBytes(Path.Combine(folder, "false_positive.rnd"))));
    }

    [SharedFact("corpus/libfdtxx/test/properties.dtb")]
    public void The_libfdtxx_property_samples_decode_as_their_source_says()
    {
        var tree = FlattenedDeviceTree.Parse(File.ReadAllBytes(Fixtures.Corpus("libfdtxx", "test", "properties.dtb")));

        Assert.Equal(0x20u, tree.Root.GetProperty("property-u32")!.AsUInt32());
        Assert.Equal(0, tree.Root.GetProperty("property-empty")!.Length);
    }
}
