using System.Formats.Cbor;
using System.Globalization;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Suit.Cbor;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Suit.Cose;

/// <summary>
/// Judges one SUIT authentication block. SUIT signs the SUIT_Digest, not the manifest: every COSE structure has a
/// detached payload that is the digest's encoding, so the to-be-signed Sig_structure is rebuilt here with that
/// payload and an empty external_aad, and each signature is handed to <see cref="SignatureJudge"/>. MACs need the
/// device's shared secret and cannot be checked.
/// </summary>
internal static class CoseBlockJudge
{
    public const ulong Mac0Tag = 17;
    public const ulong Sign1Tag = 18;
    public const ulong MacTag = 97;
    public const ulong SignTag = 98;

    /// <summary>The findings of one block: one for COSE_Sign1, COSE_Mac0 and COSE_Mac, one per signer of COSE_Sign.</summary>
    public static IReadOnlyList<SignatureFinding> Judge(
        CborItem block, string what, ReadOnlyMemory<byte> digestEncoding, TrustAnchors anchors, BoundedCborDecoder decoder, int depth)
    {
        if (block.Kind != CborItemKind.Tag || !block.Items[0].IsArray)
        {
            throw new SuitFormatException($"{what} is {block.Describe()}, not a tagged COSE structure");
        }

        var parts = block.Items[0].Items;
        (int Count, string Name) shape = block.Tag switch
        {
            Sign1Tag => (4, "COSE_Sign1"),
            SignTag => (4, "COSE_Sign"),
            Mac0Tag => (4, "COSE_Mac0"),
            MacTag => (5, "COSE_Mac"),
            _ => throw new SuitFormatException(string.Create(CultureInfo.InvariantCulture,
                $"{what} is tag {block.Tag}, not COSE_Sign1 (18), COSE_Sign (98), COSE_Mac0 (17) or COSE_Mac (97)")),
        };
        if (parts.Count != shape.Count)
        {
            throw new SuitFormatException(string.Create(CultureInfo.InvariantCulture, $"{what}: a {shape.Name} has {shape.Count} elements, not {parts.Count}"));
        }

        var headers = CoseHeaders.Read(parts[0], parts[1], decoder, depth + 1, what);
        if (parts[2] is { IsBytes: true } payload && !payload.Bytes.Span.SequenceEqual(digestEncoding.Span))
        {
            var name = block.Tag is Mac0Tag or MacTag ? headers.AlgorithmName(CoseAlgorithms.Mac) : headers.AlgorithmName(a => CoseAlgorithms.Signature(a).Name);
            return [new(SignatureStatus.Invalid, name, headers.KeyId, null, null,
                $"the {shape.Name} carries its own payload, which is not this envelope's SUIT_Digest: it does not authenticate this manifest")];
        }

        if (!parts[2].IsBytes && !parts[2].IsNull)
        {
            throw new SuitFormatException($"{what}: the payload is {parts[2].Describe()}, neither null nor a bstr");
        }

        return block.Tag switch
        {
            Sign1Tag => [Signature(headers, null, "Signature1", parts[3], digestEncoding, anchors, decoder, what)],
            SignTag => Signers(headers, parts[3], digestEncoding, anchors, decoder, depth, what),
            _ => [Mac(headers, shape.Name)],
        };
    }

    private static List<SignatureFinding> Signers(
        CoseHeaders body, CborItem signers, ReadOnlyMemory<byte> digestEncoding, TrustAnchors anchors, BoundedCborDecoder decoder, int depth, string what)
    {
        if (!signers.IsArray || signers.Items.Count == 0)
        {
            throw new SuitFormatException($"{what}: the COSE_Sign signers are {signers.Describe()}, not a non-empty array");
        }

        var findings = new List<SignatureFinding>();
        for (var i = 0; i < signers.Items.Count; i++)
        {
            var signer = signers.Items[i];
            var signerWhat = string.Create(CultureInfo.InvariantCulture, $"{what} signer {i + 1}");
            if (!signer.IsArray || signer.Items.Count != 3)
            {
                throw new SuitFormatException($"{signerWhat} is not a COSE_Signature [protected, unprotected, signature]");
            }

            var headers = CoseHeaders.Read(signer.Items[0], signer.Items[1], decoder, depth + 2, signerWhat);
            findings.Add(Signature(headers, body, "Signature", signer.Items[2], digestEncoding, anchors, decoder, signerWhat));
        }

        return findings;
    }

    private static SignatureFinding Signature(
        CoseHeaders signer,
        CoseHeaders? body,
        string context,
        CborItem signature,
        ReadOnlyMemory<byte> digestEncoding,
        TrustAnchors anchors,
        BoundedCborDecoder decoder,
        string what)
    {
        if (!signature.IsBytes)
        {
            throw new SuitFormatException($"{what}: the signature is {signature.Describe()}, not a bstr");
        }

        var (name, scheme) = signer.Algorithm is { } id ? CoseAlgorithms.Signature(id) : (signer.AlgorithmText ?? "no algorithm", null);
        if (scheme is null)
        {
            return new(SignatureStatus.NotVerifiable, name, signer.KeyId, null, null, $"signed with {name}, which this version does not verify");
        }

        decoder.TakeSignature();
        var toBeSigned = SigStructure(context, body?.ProtectedBytes, signer.ProtectedBytes, digestEncoding);
        var value = signature.Bytes.ToArray();
        return SignatureJudge.Judge(SignatureJudge.Candidate.For(name, scheme, toBeSigned, value, signer.KeyId), anchors);
    }

    private static SignatureFinding Mac(CoseHeaders headers, string structure) =>
        new(SignatureStatus.NotVerifiable, headers.AlgorithmName(CoseAlgorithms.Mac), headers.KeyId, null, null,
            $"authenticated with a shared-secret MAC ({structure}); the key is not at hand");

    /// <summary>
    /// The COSE Sig_structure: ["Signature1", protected, external_aad, payload] for COSE_Sign1, and
    /// ["Signature", body protected, signer protected, external_aad, payload] for a COSE_Sign signer.
    /// </summary>
    private static byte[] SigStructure(string context, ReadOnlyMemory<byte>? bodyProtected, ReadOnlyMemory<byte> signerProtected, ReadOnlyMemory<byte> payload)
    {
        var writer = new CborWriter();
        writer.WriteStartArray(bodyProtected is null ? 4 : 5);
        writer.WriteTextString(context);
        if (bodyProtected is { } bodyBytes)
        {
            writer.WriteByteString(bodyBytes.Span);
        }

        writer.WriteByteString(signerProtected.Span);
        writer.WriteByteString([]);
        writer.WriteByteString(payload.Span);
        writer.WriteEndArray();
        return writer.Encode();
    }
}
