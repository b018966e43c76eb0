using System.Text.RegularExpressions;
using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Documentation;

/// <summary>
/// For each topic, what a heading about it says and what a sentence about it says. Heading words are narrow on purpose:
/// "Updating the submodules" in a developer README is not about how the device updates.
/// </summary>
internal static class DocTopicPatterns
{
    public static IReadOnlyList<(DocTopic Topic, Regex Heading, Regex Phrase)> All { get; } =
    [
        (DocTopic.UpdateBehaviour,
            TextScan.Create(
                @"\b((firmware|software|security|system|automatic|device|ota)\s+(updates?|upgrades?)|over[\s-]the[\s-]air|\bota\b" +
                @"|(updating|upgrading)\s+(the\s+|your\s+)?(firmware|device|software|system)|updates?\s+(policy|behaviou?r|process|notifications?|mechanism|settings))"),
            TextScan.Create(
                @"\b(updates?\s+(are|is|will\s+be|get)\s+(installed|applied|downloaded|checked\s+for)\s+automatically" +
                @"|automatic(ally)?\s+(check(s|ing)?|install(s|ing|ation)?|download(s|ing)?)\s+(for\s+|of\s+)?(new\s+)?(updates?|firmware)" +
                @"|check(s|ing)?\s+for\s+(new\s+)?(firmware\s+|software\s+|security\s+)?updates\b|update\s+notifications?" +
                @"|notif(y|ies|ied)\s+(you|the\s+user|users|the\s+owner)\b[^.]{0,60}\bupdates?\b|(firmware|security)\s+updates?\s+(are|is)\s+(delivered|provided|published|released))")),
        (DocTopic.SecureSetup,
            TextScan.Create(
                @"\b((secure|security|hardening)\b[^|]{0,30}\b(setup|set-up|set\s+up|installation|configuration|deployment|initiali[sz]ation|onboarding|provisioning|guide|checklist)" +
                @"|hardening|secur(e|ing)\s+(your|the)\s+(device|installation|setup|system)|security\s+(best\s+practices|recommendations|considerations))"),
            TextScan.Create(
                @"\b(change\s+(the\s+|your\s+)?default\s+(password|credentials|login)|set\s+(a|your)\s+(strong|unique|new)\s+password" +
                @"|disable\s+(telnet|ssh\s+password|unused\s+services|remote\s+access|upnp|wps)|secure\s+(setup|configuration|installation)" +
                @"|enable\s+(encryption|tls|https|two-factor|2fa|multi-factor))")),
        (DocTopic.DataDeletion,
            TextScan.Create(
                @"\b(factory[\s-]+reset|(delet(e|ing|ion)|eras(e|ing|ure)|remov(e|ing|al)|wip(e|ing))\s+(of\s+)?(your\s+|personal\s+|user\s+|all\s+|stored\s+)*(data|information)" +
                @"|data\s+(deletion|removal|erasure)|wip(e|ing)\s+(the\s+|your\s+)?device|decommission(ing)?|right\s+to\s+(erasure|be\s+forgotten))"),
            TextScan.Create(
                @"\b(factory[\s-]+reset|(delete|erase|wipe|remove)s?\s+(all\s+)?(of\s+)?(your|personal|user|stored|the\s+user's)\s+(data|information|credentials|settings|recordings)" +
                @"|right\s+to\s+(erasure|be\s+forgotten)|restore\s+(the\s+device\s+)?to\s+factory\s+(settings|defaults))")),
    ];
}
