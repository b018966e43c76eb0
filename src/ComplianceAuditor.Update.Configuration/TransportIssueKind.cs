namespace ComplianceAuditor.Update.Configuration;

/// <summary>What is wrong with the way updates (or their metadata) are fetched.</summary>
public enum TransportIssueKind
{
    /// <summary>An <c>http://</c> source, or a client switched to plain HTTP.</summary>
    PlainHttp,

    /// <summary>An <c>ftp://</c> source: no encryption, no server authentication.</summary>
    PlainFtp,

    /// <summary>A <c>tftp://</c> source or a TFTP download: no authentication of any kind.</summary>
    Tftp,

    /// <summary>TLS is used but the server certificate is not verified (<c>curl -k</c>, <c>nocheckcert</c>, <c>SkipVerify</c>).</summary>
    TlsVerificationDisabled,

    /// <summary>TLS verifies the certificate chain but not that it names the server (common-name check skipped).</summary>
    TlsHostnameCheckDisabled,
}
