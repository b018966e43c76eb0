namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>What a format reader concluded: an item, or the reason the bytes are not one.</summary>
internal readonly record struct Verdict(KeyMaterialItem? Item, string? Reason)
{
    public static Verdict Of(KeyMaterialItem item) => new(item, null);

    public static Verdict Reject(string reason) => new(null, reason);
}
