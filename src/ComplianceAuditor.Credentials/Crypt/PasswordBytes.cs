using System.Text;

namespace ComplianceAuditor.Credentials.Crypt;

/// <summary>A candidate password as the C functions see it: UTF-8 bytes, ending at the first NUL.</summary>
internal static class PasswordBytes
{
    /// <summary>
    /// Longer candidates are not tried. libxcrypt refuses passphrases over 512 bytes; SHA-crypt's work also grows with
    /// the square of the length, so a hostile "candidate" must not be allowed to be large.
    /// </summary>
    public const int MaxLength = 1024;

    public static byte[] Encode(ReadOnlySpan<char> password)
    {
        var nul = password.IndexOf('\0');
        if (nul >= 0)
        {
            password = password[..nul];
        }

        return Encoding.UTF8.GetBytes(password.ToArray());
    }

    public static bool IsTooLong(ReadOnlySpan<char> password) => password.Length > MaxLength;
}
