namespace ComplianceAuditor.Update.Suit;

/// <summary>The stable weakness codes <see cref="SuitEnvelopeFormat"/> reports; its documentation says what each means.</summary>
public static class SuitWeaknessCodes
{
    public const string NotSigned = "suit-unsigned";
    public const string MacOnly = "suit-mac-only";
    public const string ManifestVersion = "suit-manifest-version";
    public const string NoSequenceNumber = "suit-no-sequence-number";
    public const string NoVendorCondition = "suit-no-vendor-condition";
    public const string NoClassCondition = "suit-no-class-condition";
    public const string NoImageDigest = "suit-no-image-digest";
    public const string NoImageSize = "suit-no-image-size";
    public const string PlaintextUri = "suit-plaintext-uri";
    public const string SeverableMismatch = "suit-severable-mismatch";
}
