using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>Real samples of the corpus, damaged deterministically: no reader may throw on them.</summary>
public sealed class CorpusMutationTests
{
    private static readonly string[] Files =
    [
        "corpus/rauc/test/good-verity-bundle.raucb",
        "corpus/rauc/test/good-bundle.raucb",
        "corpus/rauc/test/good-crypt-bundle-encrypted.raucb",
        "corpus/mender-artifact/tests/data/a0-signed-nitro.mender",
        "corpus/binwalk/tests/inputs/matter_ota.bin",
        "corpus/swupdate/examples/description/sw-description-libconfig",
        "corpus/swupdate/examples/description/sw-description-json",
    ];

    [SharedFact("corpus/rauc/test/good-verity-bundle.raucb")]
    public void Flipped_and_truncated_corpus_samples_never_make_a_reader_throw()
    {
        var samples = Files.Select(Corpus.Bytes).ToList();
        var random = new Random(5);
        for (var i = 0; i < 350; i++)
        {
            var bytes = (byte[])samples[i % samples.Count].Clone();
            for (var k = random.Next(1, 6); k > 0; k--)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
            }

            if (random.Next(4) == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }

            foreach (var format in BundleFormats.All)
            {
                var input = new UpdateInput(bytes, i % 2 == 0 ? "sw-description" : "sample.bin", TrustAnchors.Empty);
                var exception = Record.Exception(() => format.Inspect(input));
                Assert.True(exception is null, $"{format.Name}, iteration {i}: {exception}");
            }
        }
    }
}
