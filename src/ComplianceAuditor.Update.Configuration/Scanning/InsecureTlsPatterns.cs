using System.Text.RegularExpressions;

namespace ComplianceAuditor.Update.Configuration.Scanning;

/// <summary>
/// The settings that switch TLS server verification off, in the spellings of the tools that fetch updates. Every
/// pattern is a literal name, optional blanks, a separator and a literal value: linear, so a hostile line of any
/// length costs one pass.
/// </summary>
internal static partial class InsecureTlsPatterns
{
    /// <summary>Certificate verification off: <c>nocheckcert = true</c>, <c>"SkipVerify": true</c>, <c>CURLOPT_SSL_VERIFYPEER, 0</c>.</summary>
    [GeneratedRegex(
        """(?:\bnocheckcert\s*[=:]\s*(?:true|1)\b|"?\bSkipVerify"?\s*[=:]\s*true\b|\bCURLOPT_SSL_VERIFYPEER\s*,\s*(?:0L?|false)\b|\bMBEDTLS_SSL_VERIFY_NONE\b|\bssl_?verify\s*[=:]\s*(?:false|0)\b|\btls-permissive\s*=\s*true\b|\bVerify-Peer"?\s*"?false"|\bInsecureSkipVerify\s*[=:]\s*true\b|\.setInsecure\s*\(\s*\)|\bverify_ssl\s*[=:]\s*(?:false|0)\b)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CertificateNotVerified();

    /// <summary>Host-name check off: <c>CURLOPT_SSL_VERIFYHOST, 0</c>, <c>skip_cert_common_name_check = true</c>, <c>Verify-Host "false"</c>.</summary>
    [GeneratedRegex(
        """(?:\bCURLOPT_SSL_VERIFYHOST\s*,\s*(?:0L?|false)\b|\bskip_cert_common_name_check\s*[=:]\s*(?:true|1)\b|\bVerify-Host"?\s*"?false")""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex HostNameNotChecked();
}
