namespace ComplianceAuditor.Rules.Loading;

/// <summary>The three kinds of data file, told apart by their top-level keys.</summary>
public enum DataFileKind
{
    Rule,
    Scheme,
    Catalog,
}
