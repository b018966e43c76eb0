using ComplianceAuditor.Credentials.Dictionary;

namespace ComplianceAuditor.Credentials.Cracking;

/// <summary>
/// A password to try: from the built-in dictionary, or found elsewhere (Source "image-string" for a model name found
/// in the image, "account-name" for the account's own name).
/// </summary>
/// <param name="Index">The 1-based position within <paramref name="Source"/>, 0 where there is none.</param>
/// <param name="Username">The account it belongs to; null to try it for any account.</param>
public sealed record Candidate(string Source, int Index, string? Username, string Password)
{
    public const string AccountNameSource = "account-name";
    public const string ImageStringSource = "image-string";
    public const string EmptyFieldSource = "empty-field";

    public static Candidate From(DefaultCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new Candidate(credential.Source, credential.Index, credential.Username, credential.Password);
    }

    public override string ToString() =>
        (Index > 0 ? $"{Source} #{Index}" : Source) + $" ({Username ?? "*"}/{Password})";
}
