namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>A token of a libconfig file: a punctuation character, a quoted string, or a bare word (name, number, boolean).</summary>
internal readonly record struct LibconfigToken(LibconfigTokenKind Kind, string Text, int Line);
