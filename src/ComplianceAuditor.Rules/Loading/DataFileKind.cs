namespace ComplianceAuditor.Rules.Loading;

/// <summary>The kinds of data file, told apart by their top-level keys.</summary>
public enum DataFileKind
{
    Rule,
    Scheme,
    Catalog,

    /// <summary>The facts a declaration may state (<c>rules/declarations/facts.yaml</c>).</summary>
    Facts,
}
