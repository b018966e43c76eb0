namespace ComplianceAuditor.Analyzers.Infrastructure;

/// <summary>
/// Every option the analyzers read, in one registry: the options analyzer (CMP4000) validates exactly these, and
/// the README lists them. Values add to a rule's defaults; they never replace them.
/// </summary>
public static class OptionKeys
{
    public static readonly OptionKey CredentialNames = new(DiagnosticIds.HardCodedCredential, "credential_names", OptionValueKind.Identifiers,
        "extra words that mark a property, field, parameter or variable as holding a credential (the defaults include password, secret, token, apikey)");

    public static readonly OptionKey CredentialSinks = new(DiagnosticIds.HardCodedCredential, "credential_methods", OptionValueKind.ApiNames,
        "extra methods whose string arguments are credentials (a vendor SDK's Login or Connect)");

    public static readonly OptionKey UpdateSources = new(DiagnosticIds.UpdateWithoutSignatureCheck, "update_sources", OptionValueKind.ApiNames,
        "extra methods that return data read from the network");

    public static readonly OptionKey UpdateSinks = new(DiagnosticIds.UpdateWithoutSignatureCheck, "update_sinks", OptionValueKind.ApiNames,
        "extra methods that install an update or write flash");

    public static readonly OptionKey UpdateVerifiers = new(DiagnosticIds.UpdateWithoutSignatureCheck, "update_verifiers", OptionValueKind.ApiNames,
        "extra methods that verify a signature over the data passed to them");

    public static IReadOnlyList<OptionKey> All { get; } = [CredentialNames, CredentialSinks, UpdateSources, UpdateSinks, UpdateVerifiers];
}
