namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>One <c>key=value</c> of an INI-style file, with its section (<c>slot.rootfs.0</c>, <c>remote "origin"</c>).</summary>
internal sealed record IniEntry(string Section, string Key, string Value, int Line);
