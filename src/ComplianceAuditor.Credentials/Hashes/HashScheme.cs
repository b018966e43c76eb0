namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>What a password field holds, as far as its text tells.</summary>
public enum HashScheme
{
    /// <summary>An empty field: in passwd or shadow, nobody is asked for a password.</summary>
    Empty,

    /// <summary>A field no password can match on purpose ("!", "*", "!!", or "!" before a hash).</summary>
    Locked,

    /// <summary>"x" in passwd: the hash is kept in the shadow file.</summary>
    Shadowed,

    DesCrypt,
    BsdiDes,
    Md5Crypt,
    AprMd5,
    Sha256Crypt,
    Sha512Crypt,
    Bcrypt,
    Yescrypt,
    GostYescrypt,
    Scrypt,
    SunMd5,
    NtHash,
    Argon2,
    LdapSha,
    LdapSsha,
    MosquittoSha512,
    MosquittoPbkdf2,

    /// <summary>A password kept as it is typed (htpasswd and mosquitto files allow it).</summary>
    Plaintext,

    /// <summary>Not a format this library knows; <see cref="PasswordHash.Reason"/> says what it looked like.</summary>
    Unknown,

    /// <summary>A known format with a defect that stops any password from matching; the reason names the defect.</summary>
    Malformed,
}
