namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// <c>esp_ota_img_states_t</c>: where an OTA image stands in app rollback (CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE). A
/// new image boots as PendingVerify and must mark itself Valid, or the bootloader falls back to the previous one.
/// </summary>
public enum EspOtaState : uint
{
    New = 0,
    PendingVerify = 1,
    Valid = 2,
    Invalid = 3,
    Aborted = 4,

    /// <summary>Erased flash: rollback is not enabled, or the entry was never written.</summary>
    Undefined = 0xFFFF_FFFF,
}
