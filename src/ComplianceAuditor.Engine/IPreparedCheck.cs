using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Engine;

/// <summary>A check bound to one rule's parameters, ready to run many times, from several threads.</summary>
public interface IPreparedCheck
{
    /// <summary>For artifact checks: does the rule look at this artifact (by its path)? Target checks return true.</summary>
    bool Selects(Artifact artifact);

    /// <summary>Says, for a not-applicable result, what the rule looks for ("files matching etc/shadow").</summary>
    string DescribeSelection();

    /// <summary>
    /// True when the rule names the files it reads (<c>paths</c>): then a selected file of the wrong kind (a link, a
    /// binary where text was expected) gets a recorded result instead of being passed over.
    /// </summary>
    bool NarrowsByPath => false;

    CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken);
}
