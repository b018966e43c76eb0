using System.Globalization;
using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Credentials.Accounts;

namespace ComplianceAuditor.Checks.Secrets.Accounts;

/// <summary>
/// An artifact read as an account file (passwd, shadow, htpasswd or a mosquitto password file, told apart by name),
/// parsed once per artifact and shared by the account rules through the scratch. Damaged lines are kept as problems,
/// so a passwd file with binary garbage in the middle still yields the good lines around it.
/// </summary>
internal sealed record AccountTable(string Format, IReadOnlyList<AccountRecord> Accounts, IReadOnlyList<LineProblem> Problems, string? Error)
{
    /// <summary>Account files are small; anything larger is not read whole.</summary>
    public const int MaxBytes = 4 << 20;

    public const string Passwd = "passwd";
    public const string Shadow = "shadow";
    public const string Htpasswd = "htpasswd";
    public const string Mosquitto = "mosquitto password file";
    public const string BusyboxHttpd = "BusyBox httpd.conf";

    public static AccountTable Read(Artifact artifact)
    {
        var format = FormatOf(artifact.RelativePath);
        if (format is null)
        {
            return new AccountTable("", [], [], "the file name is not that of a passwd, shadow, htpasswd or mosquitto password file");
        }

        string text;
        try
        {
            using var stream = artifact.Content!.OpenRead();
            var buffer = new byte[(int)Math.Min(artifact.Size, MaxBytes)];
            text = Encoding.UTF8.GetString(buffer, 0, stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new AccountTable(format, [], [], $"the file could not be read: {IoErrors.Describe(e)}");
        }

        var table = Parse(format, text);
        return artifact.Size > MaxBytes
            ? table with { Error = string.Create(CultureInfo.InvariantCulture, $"only the first {MaxBytes} bytes were read") }
            : table;
    }

    /// <summary>The account file format a path names, or null.</summary>
    public static string? FormatOf(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        var folder = relativePath[..Math.Max(0, relativePath.LastIndexOf('/'))];
        if (folder.Contains("mosquitto", StringComparison.OrdinalIgnoreCase) || name.Contains("mosquitto", StringComparison.OrdinalIgnoreCase))
        {
            return name.Contains("passw", StringComparison.OrdinalIgnoreCase) || name.Contains("pwfile", StringComparison.OrdinalIgnoreCase) ? Mosquitto : null;
        }

        if (name == "httpd.conf")
        {
            return BusyboxHttpd;
        }

        if (name.Contains("htpasswd", StringComparison.OrdinalIgnoreCase) || name == "lighttpd.user")
        {
            return Htpasswd;
        }

        // shadow, shadow-, shadow.bak, passwd-, passwd.old: backup copies ship as often as the real files.
        return name.StartsWith("shadow", StringComparison.Ordinal) ? Shadow
            : name.StartsWith("passwd", StringComparison.Ordinal) ? Passwd
            : null;
    }

    internal static AccountTable Parse(string format, string text)
    {
        switch (format)
        {
            case Passwd:
                var passwd = PasswdFile.Parse(text);
                return new(format, passwd.Entries.Select(e => new AccountRecord(e.Name, e.Hash, e.LineNumber, e.Uid, e.CanLogIn)).ToArray(), passwd.Problems, null);
            case Shadow:
                var shadow = ShadowFile.Parse(text);
                return new(format, shadow.Entries.Select(e => new AccountRecord(e.Name, e.Hash, e.LineNumber, null, true)).ToArray(), shadow.Problems, null);
            case Htpasswd:
                var htpasswd = HtpasswdFile.Parse(text);
                return new(format, htpasswd.Entries.Select(e => new AccountRecord(e.Name, e.Hash, e.LineNumber, null, true)).ToArray(), htpasswd.Problems, null);
            case BusyboxHttpd:
                return BusyboxHttpdFile.Parse(text);
            default:
                var mosquitto = MosquittoPasswordFile.Parse(text);
                return new(format, mosquitto.Entries.Select(e => new AccountRecord(e.Name, e.Hash, e.LineNumber, null, true)).ToArray(), mosquitto.Problems, null);
        }
    }
}
