namespace ComplianceAuditor.Credentials.Accounts;

/// <summary>What reading one account file gave: its entries in file order and the lines that were not entries.</summary>
public abstract class AccountFile<TEntry>
{
    private protected AccountFile(IReadOnlyList<TEntry> entries, IReadOnlyList<LineProblem> problems)
    {
        Entries = entries;
        Problems = problems;
    }

    public IReadOnlyList<TEntry> Entries { get; }

    public IReadOnlyList<LineProblem> Problems { get; }
}
