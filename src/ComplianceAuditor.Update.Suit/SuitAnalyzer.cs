using System.Formats.Cbor;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Suit.Cbor;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// Puts one envelope's parts together: the authentication wrapper judged, the manifest read, the digest checked
/// against the manifest, then facts, weaknesses, the conformance table, and envelopes carried as integrated
/// payloads (dependency manifests) inspected as parts.
/// </summary>
internal static class SuitAnalyzer
{
    /// <summary>Envelopes inside envelopes inside the top one; deeper ones are only named.</summary>
    private const int MaxNesting = 2;

    public static SuitAnalysis Analyze(SuitEnvelope envelope, int inputLength, TrustAnchors anchors, BoundedCborDecoder decoder, int depth, int nesting)
    {
        var problems = new List<string>();
        if (envelope.Problem is { } envelopeProblem)
        {
            problems.Add(envelopeProblem);
        }

        SuitAuthentication? authentication = null;
        var authenticationKnown = envelope.AuthenticationWrapper is null;
        if (envelope.AuthenticationWrapper is { } wrapper)
        {
            try
            {
                authentication = SuitAuthentication.Read(wrapper, anchors, decoder, depth + 1);
                authenticationKnown = authentication.Problem is null;
                if (authentication.Problem is { } authenticationProblem)
                {
                    problems.Add(authenticationProblem);
                }
            }
            catch (Exception e) when (e is CborContentException or InvalidOperationException or SuitFormatException)
            {
                problems.Add(SuitFormatException.Describe("the authentication wrapper", e));
            }
        }

        var reading = SuitManifestReader.Read(envelope, decoder, depth + 1);
        if (reading.Problem is { } manifestProblem)
        {
            problems.Add(manifestProblem);
        }

        var digest = authentication?.Digest;
        var digestMatches = digest is not null && envelope.Manifest is { IsBytes: true } manifest ? digest.Matches(manifest.Bytes) : null;
        var info = reading.Info with
        {
            HasAuthenticationWrapper = authentication is not null,
            DigestAlgorithm = digest?.AlgorithmName,
            DigestMatches = digestMatches,
            SignatureBlocks = authentication?.SignatureBlocks ?? 0,
            MacBlocks = authentication?.MacBlocks ?? 0,
        };
        var conformance = SuitConformanceBuilder.Build(info);
        var inspection = new UpdateInspection
        {
            Format = SuitEnvelopeFormat.FormatName,
            Signatures = Signatures(authentication, digestMatches),
            Integrity = digest is null ? null : Integrity(digest, digestMatches, reading.Severable),
            Rollback = info.SequenceNumber is { } sequence ? new RollbackValue("manifest sequence number", sequence, "manifest key 2 (suit-manifest-sequence-number)") : null,
            RollbackSupported = true,
            ManifestBytes = info.ManifestBytes,
            Version = info.TextVersions.Count > 0 ? info.TextVersions[0] : null,
            Problem = problems.Count == 0 ? null : string.Join("; ", problems.Take(3)),
            // The conformance table travels with the facts, so every report shows it beside the verdicts.
            Facts = [.. SuitFacts.Build(info, envelope, inputLength - envelope.Length), .. conformance.Rows.Select(Row)],
            Weaknesses = SuitWeaknessFinder.Find(info, authenticationKnown, reading.Decoded, reading.Severable),
            Parts = nesting < MaxNesting ? Parts(envelope, anchors, decoder, depth, nesting) : [],
        };
        return new SuitAnalysis(inspection, info, conformance);
    }

    private static InspectionFact Row(SuitConformanceRow row) =>
        new($"conformance: {row.Element} ({row.Requirement.ToString().ToLowerInvariant()}; {row.Reference})", row.Present ? $"present: {row.Value}" : $"ABSENT: {row.Value}");

    /// <summary>
    /// The signatures as judged; when the digest they sign does not match the manifest, every one of them is
    /// invalid for this manifest, whoever made it: the manifest was changed after signing.
    /// </summary>
    private static IReadOnlyList<SignatureFinding> Signatures(SuitAuthentication? authentication, bool? digestMatches)
    {
        var findings = authentication?.Findings ?? [];
        return digestMatches != false
            ? findings
            : [.. findings.Select(f => f with
            {
                Status = SignatureStatus.Invalid,
                TrustedKey = null,
                Reason = $"the {f.Algorithm} block covers a manifest digest that does not match the manifest: the manifest was changed after it was authenticated",
            })];
    }

    private static IntegrityFinding Integrity(SuitDigest digest, bool? manifestMatches, IReadOnlyList<(string Member, bool? Matches)> severable)
    {
        var checks = severable.Select(s => s.Matches).Prepend(manifestMatches).ToList();
        bool? matches = checks.Contains(false) ? false : checks.Contains(null) ? null : true;
        var covers = "the manifest, bstr-wrapped"
            + (severable.Count == 0 ? string.Empty : "; severable " + string.Join(", ", severable.Select(s => s.Member)) + " by their digests in the manifest");
        return new IntegrityFinding(digest.AlgorithmName, matches, covers);
    }

    private static List<UpdateInspection> Parts(SuitEnvelope envelope, TrustAnchors anchors, BoundedCborDecoder decoder, int depth, int nesting)
    {
        var parts = new List<UpdateInspection>();
        foreach (var (_, bytes) in envelope.Payloads)
        {
            // Only tagged envelopes: an untagged map test would decode firmware payloads that happen to start like a map.
            if (bytes.Span is [0xd8, (byte)SuitEnvelope.EnvelopeTag, ..] && SuitEnvelope.TryRead(bytes, decoder, depth + 2) is { } inner)
            {
                parts.Add(Analyze(inner, bytes.Length, anchors, decoder, depth + 2, nesting + 1).Inspection);
            }
        }

        return parts;
    }
}
