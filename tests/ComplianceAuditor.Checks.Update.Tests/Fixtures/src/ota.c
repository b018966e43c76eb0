/* A stand-in for a device's OTA client. The functions carry the names of the SDK APIs the update-code check looks
 * for; their bodies only keep the compiler from dropping them. Built three ways by make-fixtures.sh:
 *   -DVERIFY       the update path calls a signature verifier (mbedtls_pk_verify) and checks the secure version
 *   (nothing)      the update path writes the image without verifying it
 * and each unstripped and stripped. */
#include <stdio.h>
#include <string.h>

int esp_https_ota_begin(const char *url) { printf("esp_https_ota: fetching %s\n", url); return (int)strlen(url); }
int esp_ota_write(const unsigned char *data, int length) { return data[0] + length; }

#ifdef VERIFY
int mbedtls_pk_verify(const unsigned char *hash, const unsigned char *signature)
{
    if (hash[0] != signature[0]) { puts("Signature verification failed"); return -1; }
    return 0;
}
int esp_efuse_check_secure_version(unsigned version) { return version >= 2; }
#endif

int main(int argc, char **argv)
{
    unsigned char image[4] = { (unsigned char)argc, 1, 2, 3 };
    if (esp_https_ota_begin(argc > 1 ? argv[1] : "https://updates.example.com/fw.bin") < 0) return 1;
#ifdef VERIFY
    if (mbedtls_pk_verify(image, image + 1) != 0 || !esp_efuse_check_secure_version(image[2])) return 2;
#endif
    return esp_ota_write(image, 4) > 0 ? 0 : 3;
}
