namespace ComplianceAuditor.Update.Suit;

/// <summary>Sorts payload URIs by whether their transport protects them (RFC 9124 §4.3.7, REQ.SEC.AUTH.REMOTE_LOC).</summary>
internal static class SuitUris
{
    private static readonly string[] PlaintextSchemes = ["http://", "coap://", "coap+tcp://", "coap+ws://", "ftp://", "tftp://"];

    /// <summary>Whether the URI is fetched over a transport without TLS/DTLS (http, coap and their kin).</summary>
    public static bool IsPlaintext(string uri) =>
        PlaintextSchemes.Any(scheme => uri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase));
}
