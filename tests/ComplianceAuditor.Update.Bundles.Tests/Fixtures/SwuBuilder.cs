using System.Security.Cryptography;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Tests.Fixtures;

/// <summary>
/// Builds .swu bundles in memory: a libconfig sw-description listing the images (with their real SHA-256 unless told
/// otherwise), an optional sw-description.sig, and the image members.
/// </summary>
internal static class SwuBuilder
{
    public static readonly byte[] Rootfs = [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 13))];
    public static readonly byte[] Kernel = [.. Enumerable.Range(0, 1200).Select(i => (byte)(i * 7 + 1))];

    /// <summary>The description text: rootfs with its sha256 (or <paramref name="rootfsSha256"/>), the kernel with or without one.</summary>
    public static byte[] Description(string version = "2.4.1", bool kernelSha256 = true, string? rootfsSha256 = null)
    {
        var kernelLine = kernelSha256 ? $"\n            sha256 = \"{Hex(Kernel)}\";" : string.Empty;
        return Encoding.UTF8.GetBytes($$"""
            /* built by the test */
            software =
            {
                version = "{{version}}";
                hardware-compatibility: [ "rev1", "rev2" ];
                images: (
                    {
                        filename = "rootfs.ext4";
                        device = "/dev/mmcblk0p2";
                        sha256 = "{{rootfsSha256 ?? Hex(Rootfs)}}";
                    },
                    {
                        filename = "zImage";
                        volume = "kernel";{{kernelLine}}
                    }
                );
            }
            """);
    }

    /// <summary>The archive: sw-description, then the signature if any, then the images.</summary>
    public static byte[] Build(byte[] description, byte[]? signature, byte[]? rootfs = null)
    {
        var members = new List<(string, byte[])> { ("sw-description", description) };
        if (signature is not null)
        {
            members.Add(("sw-description.sig", signature));
        }

        members.Add(("rootfs.ext4", rootfs ?? Rootfs));
        members.Add(("zImage", Kernel));
        return CpioWriter.Write(members);
    }

    public static byte[] SignPkcs1(RSA key, byte[] description) => key.SignData(description, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public static string Hex(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
