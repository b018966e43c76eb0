/* A key hard-coded in firmware source, as C string literals. */
static const char device_key[] =
    "-----BEGIN EC PRIVATE KEY-----\n"
    "MHcCAQEEIExLLH7b+mYHChFAxStTr6B8I6IBdax/RkKnWyxCO6G7oAoGCCqGSM49\n"
    "AwEHoUQDQgAE6o4tDlJWzcq0akXaOghgGgGpuaAf7L1qbA5yvue2CC7dUzOfvlc5\n"
    "EQiuSXkIzK97V6QFsehAsYSELwz6ikES+w==\n"
    "-----END EC PRIVATE KEY-----\n"
;
