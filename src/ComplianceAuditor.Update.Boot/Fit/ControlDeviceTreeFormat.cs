using System.Globalization;
using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.Update.Boot.DeviceTree;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>
/// A U-Boot control device tree: a DTB with a <c>/signature</c> node holding the keys U-Boot verifies FIT images
/// with (a tree with <c>/images</c> is a FIT and left to <see cref="FitImageFormat"/>). It is not an update image:
/// it carries no signature of its own (it is trusted as part of the U-Boot binary), so
/// <see cref="UpdateInspection.Authentication"/> is <see cref="AuthenticationSupport.NotAnImage"/> and it has no rollback
/// field. What matters is in <see cref="UpdateInspection.Facts"/> (one per key) and the weaknesses; the typed keys come
/// from <see cref="FitRequiredKeys.Read(ReadOnlyMemory{byte})"/>.
/// Weakness codes:
/// <list type="bullet">
/// <item><c>fit-no-required-key</c>: no key is marked <c>required</c>, so U-Boot boots FIT images without signatures.</item>
/// <item><c>fit-test-key-trusted</c>: a key is a published test key, so anyone can sign FIT images this U-Boot accepts.</item>
/// </list>
/// </summary>
public sealed class ControlDeviceTreeFormat : IUpdateFormat
{
    public string Name => "U-Boot control device tree";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (LoadedTree.Load(input.Bytes) is not { } loaded)
        {
            return null;
        }

        if (loaded.Tree is not { } tree)
        {
            return FlattenedDeviceTree.HasTopLevelNode(input.Bytes.Span, loaded.Header, "signature") == true
                ? new UpdateInspection
                {
                    Format = Name,
                    Authentication = AuthenticationSupport.NotAnImage,
                    RollbackSupported = false,
                    Problem = loaded.Problem,
                }
                : null;
        }

        if (tree.Root.GetChild("images") is not null || FitRequiredKeys.Read(tree) is not { HasSignatureNode: true } keyring)
        {
            return null;
        }

        var facts = keyring.Keys.Select(k => new InspectionFact("key " + k.KeyName, Describe(k))).ToList();
        facts.Add(new("required-mode", keyring.RequiredMode ?? "all (not set)"));
        var weaknesses = new List<UpdateWeakness>();
        if (!keyring.AnyRequired)
        {
            weaknesses.Add(new("fit-no-required-key", keyring.Keys.Count == 0
                ? "the /signature node holds no keys: U-Boot boots FIT images without checking any signature"
                : string.Create(CultureInfo.InvariantCulture,
                    $"none of the {keyring.Keys.Count} keys under /signature is marked required: U-Boot boots FIT images that carry no signature")));
        }

        foreach (var key in keyring.Keys.Where(k => k.TestKey is not null))
        {
            var origin = key.TestKey!.Origins[0];
            weaknesses.Add(new("fit-test-key-trusted",
                $"key {key.Node} is a published test key ({origin.Repository}: {origin.Path}): anyone can sign FIT images this U-Boot accepts"));
        }

        return new UpdateInspection
        {
            Format = Name,
            Authentication = AuthenticationSupport.NotAnImage,
            RollbackSupported = false,
            Problem = keyring.Problem,
            Facts = facts,
            Weaknesses = weaknesses,
        };
    }

    private static string Describe(FitVerificationKey key)
    {
        var parts = new List<string> { key.Algorithm ?? "no algo" };
        if (key.Bits is { } bits)
        {
            parts.Add(key.Curve is { } curve ? $"ECDSA {curve}" : string.Create(CultureInfo.InvariantCulture, $"RSA-{bits}"));
        }

        parts.Add(key.Required is null ? "not required" : $"required {key.Required}");
        parts.Add(key.SpkiSha256 is { } fingerprint ? $"SPKI SHA-256 {fingerprint}" : $"unusable key: {key.Problem}");
        if (key.TestKey is { } test)
        {
            parts.Add($"published test key ({test.Origins[0].Repository}: {test.Origins[0].Path})");
        }

        return string.Join(", ", parts);
    }
}
