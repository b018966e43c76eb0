namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>What one call of <see cref="KeyCandidateScanner.Scan"/> added.</summary>
/// <param name="CandidatesAdded">Candidates appended to the caller's list by this call.</param>
/// <param name="LimitReached">
/// True when the buffer held more than <see cref="KeyCandidateScanner.MaxCandidatesPerBuffer"/> candidates: the scan
/// stopped there, so offsets after the last candidate were not searched completely.
/// </param>
public readonly record struct ScanSummary(int CandidatesAdded, bool LimitReached);
