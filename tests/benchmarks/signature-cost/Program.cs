using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Tests.Update;
using ComplianceAuditor.Update;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Mcuboot;
using ComplianceAuditor.Update.Trust;

// Cost of verifying a signed 4 MB update image against the cost of hashing it twice, measured in the same run.
// Verifying reads the image, recomputes its digest and checks the signature: one hash plus a constant. The target
// is at most two hashes. Two cases: the device's key given (--public-key), and no key given, where the signature
// is also tried against every published test key of the same family.
const int Size = 4 << 20;
const int Rounds = 25;

var body = new byte[Size];
new Random(4).NextBytes(body);
using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
var image = McubootImageBuilder.Build(body, key, securityCounter: 1);
var spki = key.ExportSubjectPublicKeyInfo();
var anchored = new UpdateInput(image, "app.signed.bin", new TrustAnchors([new TrustedKey("device.pem", spki, Convert.ToHexStringLower(SHA256.HashData(spki)))], []));
var unanchored = new UpdateInput(image, "app.signed.bin", TrustAnchors.Empty);
var format = new McubootFormat();

Check(format.Inspect(anchored), SignatureStatus.VerifiedTrusted);
Check(format.Inspect(unanchored), SignatureStatus.UnknownKey);

var hashTwice = Best(() => { SHA256.HashData(image); SHA256.HashData(image); });
var verifyAnchored = Best(() => format.Inspect(anchored));
var verifyUnanchored = Best(() => format.Inspect(unanchored));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"image: MCUboot, {image.Length} bytes, ECDSA P-256 over SHA-256; best of {Rounds} rounds"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hash twice (peer):          {hashTwice,8:F2} ms"));
var status = 0;
foreach (var (name, ms) in new[] { ("verify, key given", verifyAnchored), ("verify, no key (test keys)", verifyUnanchored) })
{
    var ratio = ms / hashTwice;
    var verdict = ratio <= 1.0 ? "PASS" : "FAIL";
    status |= ratio <= 1.0 ? 0 : 1;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name + ":",-27} {ms,8:F2} ms  ratio to hashing twice {ratio:F2}  {verdict}"));
}

return status;

static double Best(Action action)
{
    action();
    var best = double.MaxValue;
    for (var i = 0; i < Rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
    }

    return best;
}

static void Check(UpdateInspection? inspection, SignatureStatus expected)
{
    var status = inspection?.Signatures.SingleOrDefault()?.Status;
    if (status != expected)
    {
        throw new InvalidOperationException($"the benchmark image verified as {status}, not {expected}");
    }
}
