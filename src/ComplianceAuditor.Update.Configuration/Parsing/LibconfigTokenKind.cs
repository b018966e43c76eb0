namespace ComplianceAuditor.Update.Configuration.Parsing;

internal enum LibconfigTokenKind
{
    Word,
    String,
    Punctuation,
}
