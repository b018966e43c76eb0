using System.Security.Cryptography;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Tests.Fixtures;

/// <summary>
/// Builds Mender artifacts (format 3): version, manifest, manifest.sig (base64 of an ECDSA DER or RSA signature over
/// the manifest, when a key is given), header.tar.gz with header-info, data/0000.tar.gz with one rootfs file.
/// </summary>
internal static class MenderBuilder
{
    public static readonly byte[] Rootfs = [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 3 + 5))];

    public static byte[] Build(Func<byte[], byte[]>? sign, byte[]? shippedRootfs = null, Func<string, string>? editManifest = null)
    {
        var version = Encoding.UTF8.GetBytes("""{"format":"mender","version":3}""");
        var headerInfo = Encoding.UTF8.GetBytes(
            """{"payloads":[{"type":"rootfs-image"}],"artifact_provides":{"artifact_name":"release-7"},"artifact_depends":{"device_type":["board-a","board-b"]}}""");
        var header = TarWriter.Gzip(TarWriter.Write([("header-info", headerInfo)]));
        var data = TarWriter.Gzip(TarWriter.Write([("rootfs.ext4", shippedRootfs ?? Rootfs)]));
        var manifestText = $"{Hex(Rootfs)}  data/0000/rootfs.ext4\n{Hex(header)}  header.tar.gz\n{Hex(version)}  version\n";
        var manifest = Encoding.UTF8.GetBytes(editManifest?.Invoke(manifestText) ?? manifestText);
        var members = new List<(string, byte[])> { ("version", version), ("manifest", manifest) };
        if (sign is not null)
        {
            members.Add(("manifest.sig", Encoding.ASCII.GetBytes(Convert.ToBase64String(sign(manifest)))));
        }

        members.Add(("header.tar.gz", header));
        members.Add(("data/0000.tar.gz", data));
        return TarWriter.Write(members);
    }

    public static Func<byte[], byte[]> Ecdsa(ECDsa key) => m => key.SignData(m, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public static Func<byte[], byte[]> Rsa(RSA key) => m => key.SignData(m, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private static string Hex(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
