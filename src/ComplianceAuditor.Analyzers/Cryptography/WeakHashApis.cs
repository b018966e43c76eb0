using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ComplianceAuditor.Analyzers.Cryptography;

/// <summary>The APIs that make an MD5 or SHA-1 hash, and the APIs that put a hash into a signature.</summary>
internal static class WeakHashApis
{
    private const string Crypto = "System.Security.Cryptography";

    /// <summary>Calls that name their algorithm in the first argument (<c>HashAlgorithm.Create("MD5")</c>).</summary>
    public static readonly ImmutableArray<ApiName> NamedFactories = ImmutableArray.Create(
        new ApiName(Crypto, "HashAlgorithm", "Create"),
        new ApiName(Crypto, "CryptoConfig", "CreateFromName"),
        new ApiName(Crypto, "IncrementalHash", "CreateHash"));

    /// <summary>Methods whose hash argument decides the signature's strength.</summary>
    public static readonly ImmutableHashSet<string> SignatureMethods =
        ImmutableHashSet.Create(StringComparer.Ordinal, "SignData", "VerifyData", "SignHash", "VerifyHash");

    /// <summary>
    /// Factories and constructors of the two algorithms. A constructor of MD5 or SHA1 matches every derived class when
    /// the types resolve; the concrete names are listed for code whose types did not.
    /// </summary>
    public static readonly ImmutableArray<(ApiName Api, string Algorithm, HashValue Value)> Factories = Create();

    /// <summary>Members worth a closer look; everything else is skipped before any symbol is touched.</summary>
    public static readonly ImmutableHashSet<string> CandidateMembers = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Create", "HashData", "HashDataAsync", "TryHashData", ".ctor", "CreateFromName", "CreateHash", "SignData", "VerifyData",
        "SignHash", "VerifyHash", "SetHashAlgorithm");

    // The types whose construction matters: the two algorithms (and so their subclasses), their concrete classes for
    // code whose types did not resolve, and the certificate request that names its signature hash.
    private static readonly ImmutableHashSet<string> CandidateTypes = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "MD5", "SHA1", "MD5CryptoServiceProvider", "MD5Cng", "SHA1Managed", "SHA1CryptoServiceProvider", "SHA1Cng", "CertificateRequest");

    // Static factories are called on a type name, which is how an unbound one is recognised cheaply.
    private static readonly ImmutableHashSet<string> StaticFactories = ImmutableHashSet.Create(
        StringComparer.Ordinal, "Create", "HashData", "HashDataAsync", "TryHashData", "CreateFromName", "CreateHash");

    private static readonly ImmutableHashSet<string> FactoryTypes = CandidateTypes.Union(["HashAlgorithm", "CryptoConfig", "IncrementalHash"]);

    /// <summary>Whether an unbound call, by its written member and receiver (or created type), may matter.</summary>
    public static bool MayMatterUnbound(string member, string receiver) => member switch
    {
        ".ctor" => CandidateTypes.Contains(receiver),
        _ when StaticFactories.Contains(member) => FactoryTypes.Contains(receiver),
        _ => CandidateMembers.Contains(member),
    };

    /// <summary>Whether constructing <paramref name="type"/> (or a type derived from it) may matter to the rule.</summary>
    public static bool IsCandidateType(ITypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (CandidateTypes.Contains(t.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<(ApiName, string, HashValue)> Create()
    {
        var factories = ImmutableArray.CreateBuilder<(ApiName, string, HashValue)>();
        foreach (var (type, algorithm, classes) in new[]
        {
            ("MD5", CryptoNames.Md5, new[] { "MD5CryptoServiceProvider", "MD5Cng" }),
            ("SHA1", CryptoNames.Sha1, new[] { "SHA1Managed", "SHA1CryptoServiceProvider", "SHA1Cng" }),
        })
        {
            factories.Add((new ApiName(Crypto, type, "Create"), algorithm, HashValue.Algorithm));
            factories.Add((new ApiName(Crypto, type, ".ctor"), algorithm, HashValue.Algorithm));
            factories.Add((new ApiName(Crypto, type, "HashData"), algorithm, HashValue.Digest));
            factories.Add((new ApiName(Crypto, type, "HashDataAsync"), algorithm, HashValue.Digest));
            factories.Add((new ApiName(Crypto, type, "TryHashData"), algorithm, HashValue.Digest));
            foreach (var name in classes)
            {
                factories.Add((new ApiName(Crypto, name, ".ctor"), algorithm, HashValue.Algorithm));
            }
        }

        return factories.ToImmutable();
    }
}
