using System.Formats.Cbor;
using System.Globalization;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Suit.Cbor;
using ComplianceAuditor.Update.Suit.Cose;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// The authentication wrapper, <c>bstr .cbor [bstr .cbor SUIT_Digest, * bstr .cbor SUIT_Authentication_Block]</c>:
/// the digest of the manifest, then the signatures and MACs over that digest. A defective block is named in
/// <see cref="Problem"/> and the other blocks are still judged.
/// </summary>
internal sealed record SuitAuthentication(
    SuitDigest? Digest,
    IReadOnlyList<SignatureFinding> Findings,
    int SignatureBlocks,
    int MacBlocks,
    string? Problem)
{
    public static SuitAuthentication Read(CborItem wrapper, TrustAnchors anchors, BoundedCborDecoder decoder, int depth)
    {
        ArgumentNullException.ThrowIfNull(wrapper);
        if (!wrapper.IsBytes)
        {
            throw new SuitFormatException($"the authentication wrapper is {wrapper.Describe()}, not a bstr");
        }

        var list = decoder.Decode(wrapper.Bytes, depth + 1, "the authentication wrapper");
        if (!list.IsArray || list.Items.Count == 0 || !list.Items[0].IsBytes)
        {
            throw new SuitFormatException("the authentication wrapper is not [bstr .cbor SUIT_Digest, * authentication blocks]");
        }

        var digestEncoding = list.Items[0].Bytes;
        var digest = SuitDigest.Parse(decoder.Decode(digestEncoding, depth + 2, "the manifest digest"), "the manifest digest");
        var findings = new List<SignatureFinding>();
        var signatures = 0;
        var macs = 0;
        string? problem = null;
        for (var i = 1; i < list.Items.Count; i++)
        {
            var what = string.Create(CultureInfo.InvariantCulture, $"authentication block {i}");
            try
            {
                // The CDDL wraps each block in a bstr; some early tools put the tagged structure in directly.
                var entry = list.Items[i];
                var block = entry.IsBytes ? decoder.Decode(entry.Bytes, depth + 2, what) : entry;
                var judged = CoseBlockJudge.Judge(block, what, digestEncoding, anchors, decoder, depth + 2);
                findings.AddRange(judged);
                if (block.Tag is CoseBlockJudge.Mac0Tag or CoseBlockJudge.MacTag)
                {
                    macs++;
                }
                else
                {
                    signatures++;
                }
            }
            catch (Exception e) when (e is CborContentException or InvalidOperationException or SuitFormatException)
            {
                problem ??= SuitFormatException.Describe(what, e);
            }
        }

        return new SuitAuthentication(digest, findings, signatures, macs, problem);
    }
}
