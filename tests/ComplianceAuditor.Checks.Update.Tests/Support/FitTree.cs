using System.Buffers.Binary;
using System.Security.Cryptography;
using ComplianceAuditor.Update.Boot.Tests;

namespace ComplianceAuditor.Checks.Update.Tests.Support;

/// <summary>
/// Small FIT images and U-Boot control device trees written with the Boot tests' <see cref="FdtBlob"/>. The Boot
/// tests' FitBuilder cannot be linked (it uses internals of ComplianceAuditor.Update.Boot); these rules judge the
/// tree's structure (which nodes carry signature and hash nodes, which algorithms they name, which keys are
/// required), so image signatures are real RSA PKCS#1 v1.5 signatures over the data, while a configuration
/// signature is written as an .its declares it (sign-images, no hashed-nodes yet) with a value of the right length:
/// CMP2032 would call it invalid, the structural rules tested with it do not look at the value.
/// </summary>
internal static class FitTree
{
    public static readonly byte[] Kernel = [.. Enumerable.Range(0, 600).Select(i => (byte)(i * 3 + 1))];
    public static readonly byte[] DeviceTree = [.. Enumerable.Range(0, 200).Select(i => (byte)(i * 5 + 2))];

    /// <summary>
    /// A FIT with a kernel and an fdt image, each hashed with <paramref name="hash"/> and signed (when
    /// <paramref name="signImages"/>) with <paramref name="signatureAlgorithm"/>, and one configuration naming both,
    /// signed when <paramref name="signConfiguration"/> over the properties <paramref name="covers"/> names (both by default).
    /// </summary>
    public static byte[] Fit(RSA key, bool signImages, bool signConfiguration, string hash = "sha256", string signatureAlgorithm = "sha256,rsa2048",
        string[]? covers = null)
    {
        var fdt = new FdtBlob().Begin("").Property("description", "rule test FIT").Begin("images");
        Image(fdt, "kernel-1", "kernel", Kernel, key, signImages, hash, signatureAlgorithm);
        Image(fdt, "fdt-1", "flat_dt", DeviceTree, key, signImages, hash, signatureAlgorithm);
        fdt.End().Begin("configurations").Property("default", "conf-1").Begin("conf-1").Property("kernel", "kernel-1").Property("fdt", "fdt-1");
        if (signConfiguration)
        {
            ConfigurationSignature(fdt, key, signatureAlgorithm, covers ?? ["kernel", "fdt"]);
        }

        return fdt.End().End().End().Build();
    }

    /// <summary>
    /// Two kernels and an fdt, each signed on its own; conf-1 (kernel-1, fdt-1) carries a signature, conf-2
    /// (kernel-2, fdt-1) none, so booting conf-2 combines individually signed images that nothing binds together.
    /// </summary>
    public static byte[] OneUnsignedConfiguration(RSA key)
    {
        var fdt = new FdtBlob().Begin("").Property("description", "rule test FIT, two configurations").Begin("images");
        Image(fdt, "kernel-1", "kernel", Kernel, key, true, "sha256", "sha256,rsa2048");
        Image(fdt, "kernel-2", "kernel", [.. Kernel.Reverse()], key, true, "sha256", "sha256,rsa2048");
        Image(fdt, "fdt-1", "flat_dt", DeviceTree, key, true, "sha256", "sha256,rsa2048");
        fdt.End().Begin("configurations").Property("default", "conf-1")
            .Begin("conf-1").Property("kernel", "kernel-1").Property("fdt", "fdt-1");
        ConfigurationSignature(fdt, key, "sha256,rsa2048", ["kernel", "fdt"]);
        return fdt.End().Begin("conf-2").Property("kernel", "kernel-2").Property("fdt", "fdt-1").End().End().End().Build();
    }

    /// <summary>A control DTB whose /signature holds <paramref name="modulusKey"/>'s public key, marked required or not.</summary>
    public static byte[] ControlDtb(RSAParameters modulusKey, string? required)
    {
        var exponent = new byte[8];
        modulusKey.Exponent!.CopyTo(exponent, 8 - modulusKey.Exponent!.Length);
        var bits = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bits, (uint)(modulusKey.Modulus!.Length * 8));
        var fdt = new FdtBlob().Begin("").Property("model", "rule test board").Begin("signature").Begin("key-dev")
            .Property("algo", "sha256,rsa2048")
            .Property("key-name-hint", "dev")
            .Property("rsa,num-bits", bits)
            .Property("rsa,modulus", modulusKey.Modulus!)
            .Property("rsa,exponent", exponent);
        if (required is not null)
        {
            fdt.Property("required", required);
        }

        return fdt.End().End().End().Build();
    }

    /// <summary>A configuration signature node as an .its declares it: sign-images lists the configuration properties it covers.</summary>
    private static void ConfigurationSignature(FdtBlob fdt, RSA key, string algorithm, string[] covers) =>
        fdt.Begin("signature-1")
            .Property("value", RandomNumberGenerator.GetBytes(key.KeySize / 8))
            .Property("algo", algorithm)
            .Property("key-name-hint", "dev")
            .Property("sign-images", [.. covers.SelectMany(c => System.Text.Encoding.ASCII.GetBytes(c + "\0"))])
            .End();

    private static void Image(FdtBlob fdt, string name, string type, byte[] data, RSA key, bool sign, string hash, string algorithm)
    {
        fdt.Begin(name).Property("type", type).Property("data", data).Property("compression", "none")
            .Begin("hash-1").Property("value", Hash(hash, data)).Property("algo", hash).End();
        if (sign)
        {
            var signature = key.SignData(data, algorithm.StartsWith("sha1,", StringComparison.Ordinal) ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            fdt.Begin("signature-1").Property("value", signature).Property("algo", algorithm).Property("key-name-hint", "dev").End();
        }

        fdt.End();
    }

    /// <summary>The hash node value U-Boot compares: the digest for sha*, the big-endian CRC for crc32.</summary>
    private static byte[] Hash(string algorithm, byte[] data)
    {
        switch (algorithm)
        {
            case "sha256":
                return SHA256.HashData(data);
            case "crc32":
                var crc = new byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(crc, ComplianceAuditor.Unpacking.Crc32.Compute(data));
                return crc;
            default:
                using (var hash = IncrementalHash.CreateHash(new HashAlgorithmName(algorithm.ToUpperInvariant())))
                {
                    hash.AppendData(data);
                    return hash.GetHashAndReset();
                }
        }
    }
}
