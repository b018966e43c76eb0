namespace ComplianceAuditor.Analyzers.Infrastructure;

/// <summary>What an option's comma-separated value holds.</summary>
public enum OptionValueKind
{
    /// <summary>Identifier words (<c>pin, passcode</c>).</summary>
    Identifiers,

    /// <summary>Method names as <see cref="ApiName"/> reads them (<c>MyCompany.Ota.Updater.Apply</c>).</summary>
    ApiNames,
}

/// <summary>An .editorconfig option of one rule: <c>compliance_auditor.CMP4008.update_sinks = A.B.Apply, C.D.Write</c>.</summary>
public sealed class OptionKey
{
    public OptionKey(string ruleId, string name, OptionValueKind kind, string description)
    {
        RuleId = ruleId;
        Name = "compliance_auditor." + ruleId + "." + name;
        Kind = kind;
        Description = description;
    }

    public string RuleId { get; }

    /// <summary>The full key as written in .editorconfig.</summary>
    public string Name { get; }

    public OptionValueKind Kind { get; }

    /// <summary>One sentence for the README and the invalid-option message.</summary>
    public string Description { get; }
}
