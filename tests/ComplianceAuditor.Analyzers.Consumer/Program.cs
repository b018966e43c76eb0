using System.Net;
using System.Reflection;
using System.Security.Authentication;
using System.Security.Cryptography;

namespace Consumer;

/// <summary>A small device agent with one instance of each problem the analyzers look for.</summary>
public static class Program
{
    private const string FirmwareUrl = "http://updates.example.com/cam200/firmware.bin";

    public static async Task Main()
    {
        var credential = new NetworkCredential("device", "S3cr3t-Passw0rd!");
        Console.WriteLine(credential.UserName);

        var tokenBytes = new byte[16];
        new Random().NextBytes(tokenBytes);
        var sessionToken = Convert.ToHexString(tokenBytes);
        Console.WriteLine(sessionToken.Length);

        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
            SslProtocols = SslProtocols.Tls11,
        };
        using var client = new HttpClient(handler);
        var image = await client.GetByteArrayAsync(FirmwareUrl);

        var firmwareChecksum = MD5.HashData(image);
        if (!firmwareChecksum.SequenceEqual(ExpectedChecksum))
        {
            return;
        }

        using var cipher = DES.Create();
        Console.WriteLine(cipher.KeySize);

        Assembly.Load(image);
    }

    private static readonly byte[] ExpectedChecksum = new byte[16];
}
