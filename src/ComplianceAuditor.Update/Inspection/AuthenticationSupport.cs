namespace ComplianceAuditor.Update.Inspection;

/// <summary>Whether a format can carry authentication, which decides how an image without a signature reads.</summary>
public enum AuthenticationSupport
{
    /// <summary>The format has a place for a signature or MAC; an image without one was built unsigned.</summary>
    Optional,

    /// <summary>The format has no way to authenticate (legacy uImage: CRC only; Matter OTA: digest only).</summary>
    None,

    /// <summary>
    /// Not an image that gets installed but data about the layout (a partition table, a control device tree):
    /// signature rules do not apply to it, its weaknesses do.
    /// </summary>
    NotAnImage,
}
