using System.Globalization;

namespace ComplianceAuditor.Update.Esp;

/// <summary>One <c>esp_ota_select_entry_t</c> of the otadata partition (32 bytes).</summary>
/// <param name="Sequence">ota_seq: grows by one with every update; 0xFFFFFFFF when erased.</param>
/// <param name="State">ota_state as stored; may hold a value outside <see cref="EspOtaState"/>.</param>
/// <param name="CrcValid">Whether the stored CRC is the CRC32 of ota_seq; the bootloader ignores an entry without it.</param>
public sealed record EspOtaSelectEntry(uint Sequence, EspOtaState State, bool CrcValid)
{
    /// <summary>Whether the entry is written, intact, and not marked failed: one the bootloader would boot from.</summary>
    public bool IsUsable => Sequence != uint.MaxValue && CrcValid && State is not (EspOtaState.Invalid or EspOtaState.Aborted);

    /// <summary>"VALID", "PENDING_VERIFY", … as ESP-IDF names the state, or its number when it has no name.</summary>
    public string StateName => State switch
    {
        EspOtaState.New => "NEW",
        EspOtaState.PendingVerify => "PENDING_VERIFY",
        EspOtaState.Valid => "VALID",
        EspOtaState.Invalid => "INVALID",
        EspOtaState.Aborted => "ABORTED",
        EspOtaState.Undefined => "UNDEFINED",
        _ => string.Create(CultureInfo.InvariantCulture, $"0x{(uint)State:x8}"),
    };
}
