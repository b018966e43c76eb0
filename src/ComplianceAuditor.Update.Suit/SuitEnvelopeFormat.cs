using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Suit.Cbor;

namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// Reads SUIT envelopes (draft-ietf-suit-manifest; CBOR tag 107, or an untagged map with keys 2 and 3): verifies
/// the manifest digest and each COSE signature over it (MACs cannot be checked without the shared key), reads the
/// sequence number as the anti-rollback value, and checks the manifest's elements against RFC 9124 in a
/// <see cref="SuitConformance"/> table. CBOR is decoded within a depth of <see cref="BoundedCborDecoder.MaxDepth"/>
/// and <see cref="BoundedCborDecoder.MaxItems"/> items; anything beyond is a problem, never an exception.
/// <para>Weakness codes (<see cref="SuitWeaknessCodes"/>):</para>
/// <list type="bullet">
/// <item><c>suit-unsigned</c>: the authentication wrapper holds only the digest (or is absent): no signature, no MAC.</item>
/// <item><c>suit-mac-only</c>: only COSE_Mac0/COSE_Mac blocks, no signature: any holder of the shared key can author manifests.</item>
/// <item><c>suit-manifest-version</c>: manifest-version (key 1) is absent or not 1.</item>
/// <item><c>suit-no-sequence-number</c>: no manifest-sequence-number (key 2): no rollback protection.</item>
/// <item><c>suit-no-vendor-condition</c>: no condition-vendor-identifier (1) in any sequence read.</item>
/// <item><c>suit-no-class-condition</c>: no condition-class-identifier (2) in any sequence read.</item>
/// <item><c>suit-no-image-digest</c>: no image-digest parameter (3): the payload is not bound to the manifest.</item>
/// <item><c>suit-no-image-size</c>: no image-size parameter (14).</item>
/// <item><c>suit-plaintext-uri</c>: a payload URI (parameter 21) uses http, coap or another scheme without TLS/DTLS.</item>
/// <item><c>suit-severable-mismatch</c>: a severable member in the envelope does not match the manifest's digest of it.</item>
/// </list>
/// </summary>
public sealed class SuitEnvelopeFormat : IUpdateFormat
{
    public const string FormatName = "SUIT envelope";

    public string Name => FormatName;

    public UpdateInspection? Inspect(UpdateInput input) => Analyze(input)?.Inspection;

    /// <summary>The full analysis with the SUIT-specific typed results, or null when the bytes are not a SUIT envelope.</summary>
    public static SuitAnalysis? Analyze(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decoder = new BoundedCborDecoder();
        return SuitEnvelope.TryRead(input.Bytes, decoder, depth: 0) is { } envelope
            ? SuitAnalyzer.Analyze(envelope, input.Bytes.Length, input.Anchors, decoder, depth: 0, nesting: 0)
            : null;
    }
}
