namespace ComplianceAuditor.KeyMaterial.Scanning;

/// <summary>Offset order; of two candidates at one offset the longer comes first, so it is parsed first.</summary>
internal sealed class CandidateOrder : IComparer<KeyCandidate>
{
    public static readonly CandidateOrder Instance = new();

    public int Compare(KeyCandidate x, KeyCandidate y)
    {
        var byOffset = x.Offset.CompareTo(y.Offset);
        return byOffset != 0 ? byOffset : y.Length.CompareTo(x.Length);
    }
}
