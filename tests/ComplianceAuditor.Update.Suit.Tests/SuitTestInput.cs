using System.Security.Cryptography;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Suit.Tests;

/// <summary>Runs the reader on bytes with given trust anchors, as the update checks do.</summary>
internal static class SuitTestInput
{
    public static SuitAnalysis? Analyze(byte[] bytes, params byte[][] trustedSpkis) =>
        SuitEnvelopeFormat.Analyze(new UpdateInput(bytes, "envelope.suit", Anchors(trustedSpkis)));

    /// <summary>The analysis of bytes the test expects to be an envelope.</summary>
    public static SuitAnalysis Envelope(byte[] bytes, params byte[][] trustedSpkis) =>
        Analyze(bytes, trustedSpkis) ?? throw new InvalidOperationException("not taken for a SUIT envelope");

    public static TrustAnchors Anchors(params byte[][] spkis) => spkis.Length == 0
        ? TrustAnchors.Empty
        : new TrustAnchors([.. spkis.Select((spki, i) => new TrustedKey($"device-key-{i}.pem", spki, Convert.ToHexStringLower(SHA256.HashData(spki))))], []);

    public static string[] Codes(SuitAnalysis analysis) => [.. analysis.Inspection.Weaknesses.Select(w => w.Code)];
}
