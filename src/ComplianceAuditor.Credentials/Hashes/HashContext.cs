namespace ComplianceAuditor.Credentials.Hashes;

/// <summary>Which file a password field came from: the same text means different things in each.</summary>
public enum HashContext
{
    /// <summary>passwd, shadow and group files, read by crypt(3).</summary>
    Crypt,

    /// <summary>Apache htpasswd files: apr1, bcrypt, {SHA}, crypt(3), else plain text.</summary>
    Htpasswd,

    /// <summary>mosquitto password files: "$6$" and "$7$" are mosquitto's own formats, anything else plain text.</summary>
    Mosquitto,
}
