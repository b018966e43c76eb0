using System.Security.Cryptography;
using System.Text;

namespace ComplianceAuditor.Reporting.Html;

/// <summary>The Content-Security-Policy hash of an inline script, and the check that the script cannot end its own element.</summary>
internal static class ScriptPolicy
{
    /// <summary>Base64 of the SHA-256 of the script's UTF-8 bytes, as CSP's <c>'sha256-…'</c> source expects.</summary>
    public static string Hash(string script) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));

    /// <summary>Refuses a script that would close its element early or open a comment the HTML parser treats specially.</summary>
    public static void Check(string script, string source)
    {
        if (script.Contains("</script", StringComparison.OrdinalIgnoreCase) || script.Contains("<!--", StringComparison.Ordinal)
            || script.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            throw new TemplateException($"{source}: the script may not contain '<script', '</script' or '<!--'");
        }
    }
}
