using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.Update.Boot.Fit;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>
/// Builds FIT images the way mkimage lays them out: image nodes with hash and signature subnodes, configurations
/// whose signature covers the nodes listed in <c>hashed-nodes</c>. Image signatures are made over the data here;
/// configuration signatures over the regions <see cref="FitSignedRegions"/> selects (that selection is checked
/// against mkimage's own output in the corpus and fixture tests).
/// </summary>
internal sealed class FitBuilder
{
    public List<FitImageSpec> Images { get; } = [];

    public List<FitConfigurationSpec> Configurations { get; } = [];

    public string? DefaultConfiguration { get; set; }

    /// <summary>Store the data after the tree (<c>data-offset</c>), as <c>mkimage -E</c> does.</summary>
    public bool ExternalData { get; set; }

    public byte[] Build()
    {
        // The first pass learns the strings block's size, which hashed-strings records; the second writes it.
        var first = Write(0);
        var stringsSize = BinaryPrimitives.ReadUInt32BigEndian(first.Blob.AsSpan(32));
        var (blob, offsets) = Write(stringsSize);
        foreach (var image in Images.Where(i => i.Signer is not null))
        {
            var signature = image.Signer!.SignData(image.Data, HashOf(image.SignAlgorithm), image.Pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
            signature.CopyTo(blob, offsets[$"/images/{image.Name}/signature-1:value"]);
        }

        var header = FdtHeader.TryParse(blob, blob.Length, out _)!;
        foreach (var configuration in Configurations.Where(c => c.Signer is not null))
        {
            var nodes = HashedNodes(configuration);
            var hash = HashOf(configuration.SignAlgorithm);
            var digest = FitSignedRegions.Digest(blob, header, nodes, stringsSize, hash, out _)!;
            var signature = configuration.Signer!.SignHash(digest, hash, RSASignaturePadding.Pkcs1);
            signature.CopyTo(blob, offsets[$"/configurations/{configuration.Name}/signature-1:value"]);
        }

        return blob;
    }

    private static HashAlgorithmName HashOf(string algorithm) =>
        algorithm.StartsWith("sha1,", StringComparison.Ordinal) ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;

    private List<string> HashedNodes(FitConfigurationSpec configuration)
    {
        var nodes = new List<string> { "/", "/configurations/" + configuration.Name };
        foreach (var image in configuration.Images.Values.Distinct())
        {
            nodes.Add("/images/" + image);
            var spec = Images.Single(i => i.Name == image);
            nodes.AddRange(spec.Hashes.Select((_, n) => $"/images/{image}/hash-{n + 1}"));
        }

        return nodes;
    }

    private (byte[] Blob, Dictionary<string, int> Offsets) Write(uint stringsSize)
    {
        var fdt = new FdtBlob().Begin("").Property("description", "test FIT").Begin("images");
        var external = new List<byte>();
        foreach (var image in Images)
        {
            var path = "/images/" + image.Name;
            fdt.Begin(image.Name).Property("type", image.Type);
            if (ExternalData)
            {
                fdt.Property("data-offset", (uint)external.Count).Property("data-size", (uint)image.Data.Length);
                external.AddRange(image.Data);
                while (external.Count % 4 != 0)
                {
                    external.Add(0);
                }
            }
            else
            {
                fdt.Property("data", image.Data, path);
            }

            if (image.RollbackIndex is { } index)
            {
                fdt.Property(FitImagePart.RollbackProperty, index);
            }

            for (var n = 0; n < image.Hashes.Count; n++)
            {
                var value = image.HashValue?.Invoke(image.Hashes[n]) ?? FitHashAlgorithm.Compute(image.Hashes[n], image.Data)!;
                fdt.Begin($"hash-{n + 1}").Property("value", value).Property("algo", image.Hashes[n]).End();
            }

            if (image.Signer is not null)
            {
                Signature(fdt, path, image.Signer, image.SignAlgorithm, image.Pss ? "pss" : null, null, 0);
            }

            fdt.End();
        }

        fdt.End().Begin("configurations");
        if (DefaultConfiguration is not null)
        {
            fdt.Property("default", DefaultConfiguration);
        }

        foreach (var configuration in Configurations)
        {
            fdt.Begin(configuration.Name);
            foreach (var (property, image) in configuration.Images)
            {
                fdt.Property(property, image);
            }

            if (configuration.Signer is not null)
            {
                Signature(fdt, "/configurations/" + configuration.Name, configuration.Signer, configuration.SignAlgorithm, null, HashedNodes(configuration), stringsSize);
            }

            fdt.End();
        }

        var blob = fdt.End().End().Build([.. external]);
        return (blob, fdt.ValueOffsets);
    }

    private static void Signature(FdtBlob fdt, string owner, RSA key, string algorithm, string? padding, List<string>? hashedNodes, uint stringsSize)
    {
        fdt.Begin("signature-1").Property("value", new byte[key.KeySize / 8], owner + "/signature-1").Property("algo", algorithm).Property("key-name-hint", "dev");
        if (padding is not null)
        {
            fdt.Property("padding", padding);
        }

        if (hashedNodes is not null)
        {
            var strings = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(strings.AsSpan(4), stringsSize);
            fdt.Property("hashed-strings", strings).Property("hashed-nodes", [.. hashedNodes.SelectMany(n => Encoding.ASCII.GetBytes(n + "\0"))]);
        }

        fdt.End();
    }
}

/// <summary>An image node for <see cref="FitBuilder"/>.</summary>
internal sealed class FitImageSpec(string name, byte[] data)
{
    public string Name => name;

    public byte[] Data => data;

    public string Type { get; init; } = "kernel";

    public List<string> Hashes { get; init; } = ["sha256"];

    /// <summary>Overrides the stored hash value (for a wrong hash); null computes the right one.</summary>
    public Func<string, byte[]>? HashValue { get; init; }

    public RSA? Signer { get; init; }

    public string SignAlgorithm { get; init; } = "sha256,rsa2048";

    public bool Pss { get; init; }

    public uint? RollbackIndex { get; init; }
}

/// <summary>A configuration for <see cref="FitBuilder"/>: property name ("kernel") to image name.</summary>
internal sealed class FitConfigurationSpec(string name)
{
    public string Name => name;

    public Dictionary<string, string> Images { get; init; } = [];

    public RSA? Signer { get; init; }

    public string SignAlgorithm { get; init; } = "sha256,rsa2048";
}
