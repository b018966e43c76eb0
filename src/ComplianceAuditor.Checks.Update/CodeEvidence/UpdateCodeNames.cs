using System.Collections.Frozen;

namespace ComplianceAuditor.Checks.Update.CodeEvidence;

/// <summary>
/// Function names that show what a firmware's update path does: where an update is received and written (entry
/// points), where a signature is checked (verifiers), where a rollback counter is read or raised. The names are the
/// public APIs of the SDKs and libraries devices use (ESP-IDF, Arduino, Zephyr/MCUboot, nRF Connect, Mongoose OS,
/// mbedTLS, wolfSSL, OpenSSL, BearSSL, micro-ecc, libsodium, U-Boot, AVB), as listed in the update-formats notes.
/// </summary>
internal static class UpdateCodeNames
{
    public static FrozenSet<string> EntryPoints { get; } = FrozenSet.ToFrozenSet(
    [
        "esp_https_ota", "esp_https_ota_begin", "esp_https_ota_perform", "esp_https_ota_finish", "esp_ota_begin", "esp_ota_write",
        "esp_ota_end", "esp_ota_set_boot_partition", "mgos_upd_begin", "mgos_upd_file_begin", "mgos_upd_finalize", "mgos_updater_http_start",
        "dfu_target_init", "dfu_target_write", "dfu_target_done", "dfu_target_schedule_update", "fota_download_start",
        "boot_request_upgrade", "boot_write_img_confirmed", "img_mgmt_upload", "system_upgrade_start", "upgrade_init",
    ], StringComparer.Ordinal);

    public static FrozenSet<string> Verifiers { get; } = FrozenSet.ToFrozenSet(
    [
        "mbedtls_pk_verify", "mbedtls_pk_verify_ext", "mbedtls_pk_verify_restartable", "mbedtls_rsa_pkcs1_verify", "mbedtls_rsa_rsassa_pss_verify",
        "mbedtls_rsa_rsassa_pss_verify_ext", "mbedtls_rsa_rsassa_pkcs1_v15_verify", "mbedtls_ecdsa_verify", "mbedtls_ecdsa_read_signature",
        "psa_verify_hash", "psa_verify_message", "wc_SignatureVerify", "wc_SignatureVerifyHash", "wc_RsaSSL_Verify", "wc_RsaPSS_Verify",
        "wc_ecc_verify_hash", "wc_ed25519_verify_msg", "uECC_verify", "ed25519_verify", "crypto_check", "crypto_eddsa_check", "crypto_sign_open",
        "crypto_sign_verify_detached", "br_rsa_pkcs1_vrfy_get_default", "br_ecdsa_i31_vrfy_asn1", "br_ecdsa_i31_vrfy_raw",
        "EVP_DigestVerifyFinal", "EVP_DigestVerify", "EVP_PKEY_verify", "EVP_VerifyFinal", "RSA_verify", "ECDSA_verify", "ECDSA_do_verify",
        "CMS_verify", "PKCS7_verify", "bootutil_img_validate", "bootutil_verify_sig", "bootutil_ecdsa_verify", "esp_secure_boot_verify_signature",
        "esp_secure_boot_verify_rsa_signature_block", "esp_secure_boot_verify_ecdsa_signature_block", "esp_secure_boot_verify_sbv2_signature_block",
        "ets_secure_boot_verify_signature", "ets_rsa_pss_verify", "fit_image_verify", "fit_config_verify", "fit_image_verify_required_sigs",
        "avb_slot_verify", "avb_vbmeta_image_verify", "avb_rsa_verify",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Parts of C++ (Arduino) symbol names: the mangled form carries the class and method names, so a fragment finds
    /// them whatever the argument types.
    /// </summary>
    public static IReadOnlyList<string> EntryPointFragments { get; } = ["ArduinoOTAClass", "HTTPUpdate6update", "UpdateClass5begin"];

    /// <summary>Parts of C++ symbol names of the ESP8266 Arduino core's signed-update verifier.</summary>
    public static IReadOnlyList<string> VerifierFragments { get; } = ["installSignature", "UpdaterVerifyClass"];

    public static FrozenSet<string> AntiRollback { get; } = FrozenSet.ToFrozenSet(
    [
        "esp_efuse_check_secure_version", "esp_efuse_update_secure_version", "esp_efuse_read_secure_version", "bootutil_get_img_security_cnt",
        "boot_update_security_counter", "boot_nv_security_counter_get", "boot_nv_security_counter_update", "boot_nv_security_counter_init",
        "read_rollback_index", "write_rollback_index", "fit_image_get_rollback_index",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Strings a stripped build still contains when it verifies update signatures: log messages and configuration
    /// names of the verifiers above. Seen alone they are weaker evidence than a symbol, so outcomes say which it was.
    /// </summary>
    public static IReadOnlyList<string> VerifierStrings { get; } =
    [
        "Image in the secondary slot is not valid", "secure_boot_v2", "Secure boot", "esp_secure_boot_verify", "signature verification failed",
        "Signature verification failed", "bootutil_img_validate", "mbedtls_pk_verify",
    ];

    /// <summary>Strings that show an update entry point in a stripped build.</summary>
    public static IReadOnlyList<string> EntryPointStrings { get; } =
    [
        "esp_https_ota", "ESP_OTA_IMG_PENDING_VERIFY", "OTA update", "system_upgrade_start", "download_rom", "mgos_upd", "Update.begin", "fota_download",
    ];
}
