using ComplianceAuditor.Update.Configuration.Parsing;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>One <c>[remote "name"]</c> of an OSTree configuration and its verification switches.</summary>
internal sealed record OstreeRemote(string Name, string Path, IReadOnlyList<IniEntry> Entries)
{
    public IniEntry? Get(string key) => Entries.LastOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal));

    /// <summary>GPG verification is on unless switched off (<c>gpg-verify</c> defaults to true).</summary>
    public bool GpgVerify => !IniReader.IsFalse(Get("gpg-verify")?.Value);

    /// <summary>Signapi (ed25519) verification is off unless switched on.</summary>
    public bool SignVerify => IniReader.IsTrue(Get("sign-verify")?.Value) || Get("sign-verify")?.Value is "ed25519";

    public bool Verified => GpgVerify || SignVerify;

    public FileLocation At(IniEntry entry) => new(Path, entry.Line);

    /// <summary>The remotes of one file: sections named <c>remote "x"</c>.</summary>
    public static IEnumerable<OstreeRemote> Read(TextFile file) =>
        IniReader.Read(file).Where(e => e.Section.StartsWith("remote ", StringComparison.Ordinal))
            .GroupBy(e => e.Section, StringComparer.Ordinal)
            .Select(g => new OstreeRemote(g.Key["remote ".Length..].Trim().Trim('"'), file.Path, [.. g]));
}
