using System.Globalization;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>
/// SWUpdate bundles (<c>.swu</c>): an SVR4 cpio whose first member is sw-description, followed directly by
/// sw-description.sig when the bundle is signed. The signature covers sw-description only; the images are bound to
/// it by their <c>sha256</c> attributes, which are checked against the archive. A lone sw-description file (named so,
/// or text starting with a <c>software</c> setting) is read too, for its images and digests.
/// <para>Weakness codes:</para>
/// <list type="bullet">
/// <item><c>swupdate-unsigned</c>: the .swu has no sw-description.sig directly after sw-description; anyone can build one the device accepts
/// unless it runs in signed mode.</item>
/// <item><c>swupdate-image-without-sha256</c>: in a signed bundle (or a lone sw-description, which is what gets signed) an image, file or
/// script has no <c>sha256</c>: the signature does not cover it, and SWUpdate in signed mode refuses it.</item>
/// <item><c>swupdate-sha256-mismatch</c>: a member's bytes differ from the <c>sha256</c> sw-description gives for it.</item>
/// </list>
/// </summary>
public sealed class SwupdateBundleFormat : IUpdateFormat
{
    public const string UnsignedWeakness = "swupdate-unsigned";
    public const string MissingSha256Weakness = "swupdate-image-without-sha256";
    public const string MismatchWeakness = SwuImageCheck.Mismatch;

    private const string SignatureName = "sw-description.sig";
    private const string DowngradeNote =
        "the bundle carries no anti-rollback counter; SWUpdate refuses older versions only when started with -N/--no-downgrading or no-downgrading in swupdate.cfg";

    public string Name => "SWUpdate bundle";

    public UpdateInspection? Inspect(UpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.Bytes;
        if (SwuArchive.StartsWithDescription(bytes.Span))
        {
            return InspectArchive(bytes, input);
        }

        var named = string.Equals(input.FileName, "sw-description", StringComparison.Ordinal);
        if (named || SwDescription.LooksLikeDescription(bytes.Span))
        {
            return InspectLone(bytes, named);
        }

        return null;
    }

    private UpdateInspection InspectArchive(ReadOnlyMemory<byte> bytes, UpdateInput input)
    {
        var archive = SwuArchive.Read(bytes);
        var facts = new List<InspectionFact> { new("archive", string.Create(CultureInfo.InvariantCulture, $"cpio, {archive.Members.Count} members")) };
        var weaknesses = new List<UpdateWeakness>();
        var problem = archive.Problem;
        // The reader skips members it cannot type, so the first one listed need not be the first stored.
        var descriptionMember = archive.Members.Count > 0 && archive.Members[0].Name == "sw-description" ? archive.Members[0] : null;
        if (descriptionMember is null)
        {
            return new UpdateInspection { Format = Name, Problem = problem ?? "the first member is not a regular file named sw-description", Facts = facts, RollbackSupported = false };
        }

        var descriptionBytes = descriptionMember.Content(bytes);
        IReadOnlyList<SignatureFinding> signatures = [];
        var signatureMember = archive.Members.Count > 1 && archive.Members[1].Name == SignatureName ? archive.Members[1] : null;
        if (signatureMember is not null)
        {
            signatures = SwuSignatureCheck.Judge(descriptionBytes, signatureMember.Content(bytes).Span, input.Anchors, facts);
        }
        else
        {
            if (archive.Members.Skip(2).Any(m => m.Name == SignatureName))
            {
                facts.Add(new(SignatureName, "present, but not directly after sw-description, where SWUpdate looks for it"));
            }

            weaknesses.Add(new(UnsignedWeakness, "the .swu has no sw-description.sig after sw-description: nothing authenticates the update"));
        }

        var description = SwDescription.TryRead(descriptionBytes, out var descriptionProblem);
        IntegrityFinding? integrity = null;
        if (description is not null)
        {
            Describe(description, facts);
            integrity = SwuImageCheck.Check(description, archive, bytes, facts, weaknesses);
            if (signatureMember is not null)
            {
                AddMissingDigests(description, weaknesses, "the signature does not cover it and SWUpdate in signed mode refuses it");
            }
        }

        facts.Add(new("downgrade protection", DowngradeNote));
        return new UpdateInspection
        {
            Format = Name,
            Signatures = signatures,
            Integrity = integrity,
            RollbackSupported = false,
            ManifestBytes = descriptionBytes.Length + (signatureMember?.Content(bytes).Length ?? 0),
            Version = description?.Version,
            Problem = problem ?? descriptionProblem,
            Facts = facts,
            Weaknesses = weaknesses,
        };
    }

    private UpdateInspection? InspectLone(ReadOnlyMemory<byte> bytes, bool named)
    {
        var facts = new List<InspectionFact>
        {
            new("input", "a lone sw-description; its signature (sw-description.sig) travels beside it in the .swu, so none is checked here"),
        };
        var description = SwDescription.TryRead(bytes, out var problem);
        if (description is null)
        {
            // Text that only looked like a description is not reported; a file named sw-description is, with its defect.
            return named ? new UpdateInspection { Format = Name, Problem = problem, Facts = facts, RollbackSupported = false, Authentication = AuthenticationSupport.NotAnImage } : null;
        }

        var weaknesses = new List<UpdateWeakness>();
        Describe(description, facts);
        var integrity = SwuImageCheck.Check(description, null, bytes, facts, weaknesses);
        AddMissingDigests(description, weaknesses, "a bundle signed with this description would not cover it, and SWUpdate in signed mode refuses it");
        facts.Add(new("downgrade protection", DowngradeNote));
        // A description, not an installable image: its signature is judged on the .swu that carries it.
        return new UpdateInspection
        {
            Format = Name,
            Authentication = AuthenticationSupport.NotAnImage,
            Integrity = integrity,
            RollbackSupported = false,
            ManifestBytes = bytes.Length,
            Version = description.Version,
            Facts = facts,
            Weaknesses = weaknesses,
        };
    }

    private static void Describe(SwDescription description, List<InspectionFact> facts)
    {
        facts.Add(new("sw-description syntax", description.Syntax));
        if (description.Version is { } version)
        {
            facts.Add(new("software version", version));
        }

        if (description.HardwareCompatibility.Count > 0)
        {
            facts.Add(new("hardware compatibility", string.Join(", ", description.HardwareCompatibility)));
        }
    }

    private static void AddMissingDigests(SwDescription description, List<UpdateWeakness> weaknesses, string consequence)
    {
        var missing = description.Entries.Where(e => e.FileName is not null && e.Sha256 is null).Select(e => e.FileName!).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var shown = string.Join(", ", missing.Take(10)) + (missing.Count > 10 ? string.Create(CultureInfo.InvariantCulture, $" and {missing.Count - 10} more") : string.Empty);
        weaknesses.Add(new(MissingSha256Weakness, string.Create(CultureInfo.InvariantCulture,
            $"{missing.Count} of {description.Entries.Count} entries have no sha256 ({shown}): {consequence}")));
    }
}
