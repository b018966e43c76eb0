using System.Globalization;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// Turns missing or weak manifest elements into weaknesses. A part that could not be read reports nothing: an
/// unreadable manifest is a problem, not proof that it lacks a sequence number.
/// </summary>
internal static class SuitWeaknessFinder
{
    public static IReadOnlyList<UpdateWeakness> Find(
        SuitManifestInfo info, bool authenticationKnown, bool manifestDecoded, IReadOnlyList<(string Member, bool? Matches)> severable)
    {
        var weaknesses = new List<UpdateWeakness>();
        if (authenticationKnown && info.SignatureBlocks == 0)
        {
            if (info.MacBlocks > 0)
            {
                weaknesses.Add(new(SuitWeaknessCodes.MacOnly, string.Create(CultureInfo.InvariantCulture,
                    $"the manifest is authenticated only by {SuitText.Count(info.MacBlocks, "MAC block")}: every device holding the shared key can make manifests the others accept")));
            }
            else
            {
                weaknesses.Add(new(SuitWeaknessCodes.NotSigned, info.HasAuthenticationWrapper
                    ? "the authentication wrapper holds only the manifest digest and no COSE signature or MAC: anyone can make a manifest that matches it"
                    : "the envelope has no authentication wrapper (key 2): the manifest is neither signed nor MACed"));
            }
        }

        foreach (var (member, matches) in severable.Where(s => s.Matches == false))
        {
            weaknesses.Add(new(SuitWeaknessCodes.SeverableMismatch,
                $"the severable {member} member in the envelope does not match the digest the manifest holds of it (or the manifest has none): it is not authenticated"));
        }

        if (!manifestDecoded)
        {
            return weaknesses;
        }

        if (info.ManifestVersion != 1)
        {
            weaknesses.Add(new(SuitWeaknessCodes.ManifestVersion, info.ManifestVersion is { } version
                ? string.Create(CultureInfo.InvariantCulture, $"the manifest version is {version}, not 1, the only one defined: a conforming device rejects it")
                : "the manifest has no manifest-version (key 1): a conforming device rejects it"));
        }

        if (info.SequenceNumber is null)
        {
            weaknesses.Add(new(SuitWeaknessCodes.NoSequenceNumber,
                "the manifest has no sequence number (key 2): nothing stops a device from accepting an older manifest (rollback)"));
        }

        var severed = info.Sequences.Any(s => s.Contains("(severed", StringComparison.Ordinal))
            ? " (a severed member was not available to check)"
            : string.Empty;
        var commands = info.Commands;
        Missing(weaknesses, !commands.HasVendorCondition, SuitWeaknessCodes.NoVendorCondition,
            "no condition-vendor-identifier is checked: a device cannot tell that the update is from its vendor" + severed);
        Missing(weaknesses, !commands.HasClassCondition, SuitWeaknessCodes.NoClassCondition,
            "no condition-class-identifier is checked: an update for another device class could be installed" + severed);
        Missing(weaknesses, commands.ImageDigests.Count == 0, SuitWeaknessCodes.NoImageDigest,
            "no image-digest parameter is set: the payload is not bound to the signed manifest" + severed);
        Missing(weaknesses, commands.ImageSizes.Count == 0, SuitWeaknessCodes.NoImageSize,
            "no image-size parameter is set: a device cannot bound what it fetches and writes" + severed);
        var plaintext = commands.Uris.Where(SuitUris.IsPlaintext).ToList();
        Missing(weaknesses, plaintext.Count > 0, SuitWeaknessCodes.PlaintextUri,
            "the payload is fetched without transport security: " + string.Join(", ", plaintext.Take(4)));
        return weaknesses;
    }

    private static void Missing(List<UpdateWeakness> weaknesses, bool applies, string code, string description)
    {
        if (applies)
        {
            weaknesses.Add(new(code, description));
        }
    }
}
