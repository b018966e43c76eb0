namespace ComplianceAuditor.Components.Reading;

/// <summary>
/// One window of an artifact's bytes as Latin-1 text (one char per byte) and its byte offset in the file.
/// <paramref name="IsLast"/> is set on the final window searched: only there does the window's end stand for the end of
/// what is read, so only there may a match touch it. <paramref name="StoppedAtLimit"/> is set on that final window when
/// the file goes on past <see cref="BoundedRead.MaxScanBytes"/> and the rest was never read.
/// </summary>
internal readonly record struct ScanWindow(string Text, long Offset, bool IsLast, bool StoppedAtLimit);
