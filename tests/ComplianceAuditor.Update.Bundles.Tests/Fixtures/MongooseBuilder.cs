using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Tests.Fixtures;

/// <summary>Builds Mongoose OS fw.zip bundles: manifest.json first, then the parts, stored uncompressed as mos does.</summary>
internal static class MongooseBuilder
{
    public static readonly byte[] App = [.. Enumerable.Range(0, 2048).Select(i => (byte)(i * 5))];

    public static byte[] Build(string? appSha1 = null, bool sha256 = false, bool signed = false)
    {
        var digest = sha256 ? $"\"cs_sha256\": \"{Convert.ToHexStringLower(SHA256.HashData(App))}\"" : $"\"cs_sha1\": \"{appSha1 ?? Sha1(App)}\"";
        var signature = signed ? ", \"sig0\": \"MEUCIQ==\"" : string.Empty;
        var manifest = "{\"name\":\"demo\",\"platform\":\"esp32\",\"version\":\"1.4.2\",\"build_id\":\"20240101-demo\","
            + "\"parts\":{\"app\":{\"src\":\"demo.bin\"," + digest + signature + "}}}";
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "demo-esp32/manifest.json", Encoding.UTF8.GetBytes(manifest));
            Add(zip, "demo-esp32/demo.bin", App);
        }

        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] data)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        stream.Write(data);
    }

    private static string Sha1(byte[] data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        hash.AppendData(data);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
