namespace ComplianceAuditor.ProcessEvidence.Documentation;

/// <summary>What user documentation should explain (ETSI EN 303 645 provisions 5.3-11, 5.3-12, 5.11-3 and 6-x ask for these).</summary>
public enum DocTopic
{
    /// <summary>How the device updates: automatic checks or installation, notifications, how to update by hand.</summary>
    UpdateBehaviour,

    /// <summary>How to set the device up securely: a hardening guide, changing default credentials, turning off what is not needed.</summary>
    SecureSetup,

    /// <summary>How to delete personal data: a factory reset, erasing the user's data, decommissioning.</summary>
    DataDeletion,
}
