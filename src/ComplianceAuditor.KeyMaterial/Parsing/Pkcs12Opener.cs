using ComplianceAuditor.KeyMaterial.Der;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// Reads the safes and bags of one PKCS#12 with no password or the empty one. Every key derivation's iteration count
/// comes from the file, so each is checked before it runs and all of them share one budget per container.
/// </summary>
internal sealed class Pkcs12Opener
{
    /// <summary>OpenSSL writes 2048; Java and Windows stay around 10,000; more than this is not tried.</summary>
    public const long MaxIterationsPerDerivation = 100_000;

    /// <summary>All derivations of one container together: a few hundred milliseconds at most.</summary>
    public const long MaxIterationsPerContainer = 400_000;

    private readonly List<KeyMaterialItem> items = [];
    private readonly SortedSet<string> notes = new(StringComparer.Ordinal);
    private long budget = MaxIterationsPerContainer;

    /// <summary>Which of the two encodings of the empty PKCS#12 password worked, once one has.</summary>
    private bool? emptyPasswordWithoutTerminator;

    public IReadOnlyList<KeyMaterialItem> Items => items;

    public string? Note => notes.Count == 0 ? null : string.Join("; ", notes);

    public void ReadSafe(ContentInfo safe)
    {
        if (safe.ContentType.Equals(PkcsObjectIdentifiers.Data))
        {
            ReadBags(Asn1OctetString.GetInstance(safe.Content).GetOctets());
        }
        else if (safe.ContentType.Equals(PkcsObjectIdentifiers.EncryptedData))
        {
            var encrypted = EncryptedData.GetInstance(safe.Content);
            var plain = encrypted.Content is null ? null : Decrypt(encrypted.EncryptionAlgorithm, encrypted.Content.GetOctets());
            if (plain is not null)
            {
                ReadBags(plain);
            }
        }
        else
        {
            notes.Add("a safe of type " + safe.ContentType.Id + " was not read");
        }
    }

    private void ReadBags(byte[] encoded)
    {
        var bags = Asn1Input.ParseSequence(encoded);
        if (bags is null)
        {
            notes.Add("a safe's contents are not well-formed");
            return;
        }

        foreach (var element in bags)
        {
#pragma warning disable CA1031 // One unreadable bag must not hide the others; the note records it.
            try
            {
                ReadBag(SafeBag.GetInstance(element));
            }
            catch (Exception ex)
            {
                notes.Add("a bag could not be read (" + ex.GetType().Name + ")");
            }
#pragma warning restore CA1031
        }
    }

    private void ReadBag(SafeBag bag)
    {
        Verdict verdict;
        if (bag.BagID.Equals(PkcsObjectIdentifiers.CertBag))
        {
            var certificate = Asn1Input.ParseSequence(Asn1OctetString.GetInstance(CertBag.GetInstance(bag.BagValue).CertValue).GetOctets());
            verdict = certificate is null ? Verdict.Reject("certificate bag is not well-formed") : CertificateReader.Read(certificate);
        }
        else if (bag.BagID.Equals(PkcsObjectIdentifiers.KeyBag))
        {
            verdict = PrivateKeyReader.FromPkcs8(PrivateKeyInfo.GetInstance(bag.BagValue));
        }
        else if (bag.BagID.Equals(PkcsObjectIdentifiers.Pkcs8ShroudedKeyBag))
        {
            var encrypted = EncryptedPrivateKeyInfo.GetInstance(bag.BagValue);
            var plain = Decrypt(encrypted.EncryptionAlgorithm, encrypted.GetEncryptedData());
            var info = plain is null ? null : Asn1Input.ParseSequence(plain);
            verdict = info is not null
                ? PrivateKeyReader.FromPkcs8(PrivateKeyInfo.GetInstance(info))
                : Verdict.Of(new KeyMaterialItem
                {
                    Kind = KeyKind.EncryptedPrivateKey,
                    Format = "PKCS#12 shrouded key bag",
                    Note = "encrypted with " + PbeSchemes.Describe(encrypted.EncryptionAlgorithm),
                });
        }
        else
        {
            return;
        }

        if (verdict.Item is not null)
        {
            items.Add(verdict.Item);
        }
        else
        {
            notes.Add(verdict.Reason!);
        }
    }

    /// <summary>Tries the empty password in both of its PKCS#12 encodings; null when neither opens the data.</summary>
    private byte[]? Decrypt(AlgorithmIdentifier algorithm, byte[] data)
    {
        var iterations = PbeSchemes.Iterations(algorithm);
        if (iterations is null or > MaxIterationsPerDerivation)
        {
            notes.Add("contents not opened: key derivation unknown or above the iteration limit");
            return null;
        }

        bool[] encodings = emptyPasswordWithoutTerminator is { } known ? [known] : [false, true];
        foreach (var withoutTerminator in encodings)
        {
            if (budget < iterations.Value)
            {
                notes.Add("contents not opened: the container's key-derivation budget is spent");
                return null;
            }

            budget -= iterations.Value;
            var plain = TryDecrypt(algorithm, data, withoutTerminator);
            if (plain is not null && DerWalker.TryMeasure(plain, out _))
            {
                emptyPasswordWithoutTerminator = withoutTerminator;
                return plain;
            }
        }

        notes.Add("contents encrypted with a password other than the empty one");
        return null;
    }

    private static byte[]? TryDecrypt(AlgorithmIdentifier algorithm, byte[] data, bool withoutTerminator)
    {
#pragma warning disable CA1031 // A wrong password shows up as any of several exceptions (padding, unsupported cipher).
        try
        {
            if (PbeUtilities.CreateEngine(algorithm) is not IBufferedCipher cipher)
            {
                return null;
            }

            cipher.Init(false, PbeUtilities.GenerateCipherParameters(algorithm, [], withoutTerminator));
            return cipher.DoFinal(data);
        }
        catch (Exception)
        {
            return null;
        }
#pragma warning restore CA1031
    }
}
