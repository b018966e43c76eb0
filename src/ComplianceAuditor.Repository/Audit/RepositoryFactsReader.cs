using ComplianceAuditor.Core.Model;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Audit;

/// <summary>Reads a repository's tags (with the kind of signature each carries) and whether it is a shallow clone.</summary>
public static class RepositoryFactsReader
{
    /// <summary>
    /// Signature blocks git appends to a signed tag's message, as <c>git tag -s</c> writes them for each signing format.
    /// Only their presence is read here; verifying them needs the maker's public keys.
    /// </summary>
    private static readonly (string Marker, string Kind)[] SignatureMarkers =
    [
        ("-----BEGIN PGP SIGNATURE-----", "OpenPGP"),
        ("-----BEGIN SSH SIGNATURE-----", "SSH"),
        ("-----BEGIN SIGNED MESSAGE-----", "X.509"),
    ];

    public static RepositoryFacts Read(string path)
    {
        using var opened = RepositoryLocator.Open(path);
        if (!opened.Succeeded)
        {
            return new RepositoryFacts([], false, opened.Error);
        }

        var repository = opened.Repository!;
        try
        {
            var tags = repository.Tags
                .Select(Describe)
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToArray();
            return new RepositoryFacts(tags, repository.Info.IsShallow, null);
        }
        catch (LibGit2SharpException e)
        {
            return new RepositoryFacts([], false, $"the tags could not be read: {e.Message}");
        }
    }

    private static TagFact Describe(Tag tag)
    {
        var commit = tag.PeeledTarget is Commit c ? c.Sha : "";
        if (!tag.IsAnnotated)
        {
            return new TagFact(tag.FriendlyName, commit, Annotated: false, Signature: null);
        }

        var message = tag.Annotation.Message ?? "";
        var signature = SignatureMarkers.FirstOrDefault(m => message.Contains(m.Marker, StringComparison.Ordinal)).Kind;
        return new TagFact(tag.FriendlyName, commit, Annotated: true, signature);
    }
}
