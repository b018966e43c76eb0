namespace ComplianceAuditor.Analyzers.Transport;

/// <summary>
/// nanoFramework's <c>System.Net.Security.SslVerification</c>. Its mbedTLS port (nf-interpreter,
/// ssl_generic_init_internal.cpp) verifies the server only for <see cref="CertificateRequired"/>; every other value,
/// VerifyPeer included, leaves mbedTLS at MBEDTLS_SSL_VERIFY_NONE. So the code fix uses CertificateRequired.
/// </summary>
internal static class NanoVerification
{
    public const string TypeName = "SslVerification";

    public const string NoVerification = "NoVerification";

    public const string CertificateRequired = "CertificateRequired";
}
