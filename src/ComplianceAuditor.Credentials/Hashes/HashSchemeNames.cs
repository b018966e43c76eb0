namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>The names reasons and reports use for each scheme, as the field's readers know them.</summary>
public static class HashSchemeNames
{
    public static string DisplayName(this HashScheme scheme) => scheme switch
    {
        HashScheme.Empty => "empty",
        HashScheme.Locked => "locked",
        HashScheme.Shadowed => "shadowed",
        HashScheme.DesCrypt => "DES crypt",
        HashScheme.BsdiDes => "BSDi extended DES",
        HashScheme.Md5Crypt => "MD5-crypt",
        HashScheme.AprMd5 => "Apache apr1 MD5",
        HashScheme.Sha256Crypt => "SHA-256-crypt",
        HashScheme.Sha512Crypt => "SHA-512-crypt",
        HashScheme.Bcrypt => "bcrypt",
        HashScheme.Yescrypt => "yescrypt",
        HashScheme.GostYescrypt => "GOST yescrypt",
        HashScheme.Scrypt => "scrypt",
        HashScheme.SunMd5 => "SunMD5",
        HashScheme.NtHash => "NT hash",
        HashScheme.Argon2 => "Argon2",
        HashScheme.LdapSha => "{SHA}",
        HashScheme.LdapSsha => "{SSHA}",
        HashScheme.MosquittoSha512 => "mosquitto SHA-512",
        HashScheme.MosquittoPbkdf2 => "mosquitto PBKDF2-SHA512",
        HashScheme.Plaintext => "plain text",
        HashScheme.Malformed => "malformed",
        _ => "unknown",
    };
}
