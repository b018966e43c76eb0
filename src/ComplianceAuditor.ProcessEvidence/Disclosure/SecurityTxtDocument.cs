namespace ComplianceAuditor.ProcessEvidence.Disclosure;

/// <summary>A parsed security.txt file.</summary>
public sealed record SecurityTxtDocument
{
    /// <summary>The repository path the file came from, or null when parsed from bare text.</summary>
    public string? Path { get; init; }

    /// <summary>Every field in file order.</summary>
    public required IReadOnlyList<SecurityTxtField> Fields { get; init; }

    /// <summary>The Contact fields in file order.</summary>
    public IReadOnlyList<SecurityTxtField> Contacts => [.. Fields.Where(f => f.Name.Equals("Contact", StringComparison.OrdinalIgnoreCase))];

    /// <summary>The parsed expiry when there is exactly one valid Expires field.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>True when the file is a PGP cleartext-signed message (the signature itself is not verified).</summary>
    public bool IsSigned { get; init; }

    /// <summary>Problems sorted by line, then kind.</summary>
    public required IReadOnlyList<SecurityTxtProblem> Problems { get; init; }

    /// <summary>True when no problem makes the file non-conforming.</summary>
    public bool IsValid => !Problems.Any(p => p.IsError);

    public bool IsExpired => Problems.Any(p => p.Kind == SecurityTxtProblemKind.Expired);
}
