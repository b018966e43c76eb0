using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Components.Reading;
using ComplianceAuditor.Formats.Esp;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>
/// An ESP-IDF application image, through the format project's image parser: its <c>esp_app_desc_t</c> names the
/// project and its version, and the ESP-IDF release it was built with, which becomes a framework component inside it.
/// </summary>
internal sealed partial class EspAppDetector : IComponentDetector
{
    /// <summary>The descriptor sits in the first segment, right after the 24-byte image header and 8-byte segment header.</summary>
    private const int HeadBytes = 64 * 1024;

    public string Name => "esp-app-descriptor";

    public bool Wants(Artifact artifact) => artifact.Kind == ArtifactKind.Binary && artifact.Content is not null && artifact.Size >= EspAppImage.HeaderSize + EspAppDescription.Size;

    public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
    {
        // One byte first: most binary files are not ESP images, and need not have 64 KiB read.
        if (BoundedRead.Head(artifact, 1) is not [EspAppImage.Magic]
            || EspAppImage.TryParse(BoundedRead.Head(artifact, HeadBytes), artifact.Size)?.AppDescription is not { } app)
        {
            yield break;
        }

        var evidence = $"esp_app_desc_t: project_name \"{app.ProjectName}\", version \"{app.Version}\", idf_ver \"{app.IdfVersion}\"";
        if (app.ProjectName.Length > 0)
        {
            yield return new FoundComponent
            {
                Type = "firmware",
                Name = app.ProjectName,
                Version = app.Version,
                Purl = PurlKind.Generic,
                IsWholeArtifact = true,
                Path = artifact.Path,
                Sha256 = artifact.Sha256,
                Technique = "binary-analysis",
                Evidence = evidence,
                Confidence = 0.95,
            };
        }

        if (app.IdfVersion.Length > 0)
        {
            yield return new FoundComponent
            {
                Type = "framework",
                Name = "esp-idf",
                // The tag as ESP-IDF wrote it ("v5.1.2", or git describe's "v5.0-beta1-427-g4532e6e0b2"): the purl's
                // github type names a tag or commit, and the tag has the "v". NVD files the bare release number.
                Version = app.IdfVersion,
                CpeVersion = CpeRelease(app.IdfVersion),
                Supplier = "Espressif Systems",
                Purl = new PurlKind("github", "espressif"),
                Product = "esp-idf",
                Path = artifact.Path,
                Technique = "binary-analysis",
                Evidence = evidence,
                Confidence = 0.9,
            };
        }
    }

    /// <summary>
    /// The version NVD would list: the tag without its "v", and for a git-describe string (a build between tags, or
    /// from a changed tree) the tag it started from, since the commits after the tag are no release. A pre-release tag
    /// keeps its marker, as it does without git describe: "v5.0-beta1-427-g4532e6e0b2" is beta code, and naming it
    /// 5.0 would match it against the release. Null when there is no number to give.
    /// </summary>
    internal static string? CpeRelease(string idfVersion)
    {
        var tag = idfVersion.StartsWith('v') ? idfVersion[1..] : idfVersion;
        if (GitDescribe().Match(tag) is not { Success: true } describe)
        {
            return tag;
        }

        var baseTag = tag[..describe.Index];
        return NumericRelease().IsMatch(baseTag) ? baseTag : null;
    }

    /// <summary>
    /// git describe appends "-N-gHASH" (commits since the tag, abbreviated commit) and "-dirty" for a changed tree.
    /// idf_ver holds 31 characters, so the end is often cut ("v5.0-beta1-427-g4532e6e0b2-dirt"): the commit count and
    /// the "g" are enough to know it.
    /// </summary>
    [GeneratedRegex(@"-\d+-g[0-9a-f]|-dirty$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex GitDescribe();

    [GeneratedRegex(@"^\d+(\.\d+){0,3}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumericRelease();
}
