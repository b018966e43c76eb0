namespace ComplianceAuditor.Update.Inspection;

/// <summary>
/// One update or boot image format. Readers are registered explicitly (the update checks list them) and tried in
/// order; each takes untrusted bytes and must never throw on them: a malformed image is an inspection with
/// <see cref="UpdateInspection.Problem"/> set.
/// </summary>
public interface IUpdateFormat
{
    /// <summary>The format's name, as in <see cref="UpdateInspection.Format"/>.</summary>
    string Name { get; }

    /// <summary>The inspection, or null when the bytes are not this format (wrong magic, no plausible header).</summary>
    UpdateInspection? Inspect(UpdateInput input);
}
