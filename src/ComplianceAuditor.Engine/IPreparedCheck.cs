using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Engine;

/// <summary>A check bound to one rule's parameters, ready to run many times, from several threads.</summary>
public interface IPreparedCheck
{
    /// <summary>For artifact checks: does the rule look at this artifact (by its path)? Target checks return true.</summary>
    bool Selects(Artifact artifact);

    /// <summary>Says, for a not-applicable result, what the rule looks for ("files matching etc/shadow").</summary>
    string DescribeSelection();

    CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken);
}
