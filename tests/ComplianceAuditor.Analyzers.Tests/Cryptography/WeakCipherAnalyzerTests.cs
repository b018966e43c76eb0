using ComplianceAuditor.Analyzers.Cryptography;
using ComplianceAuditor.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Cryptography;

// The *CryptoServiceProvider classes and SymmetricAlgorithm.Create(string) are [Obsolete] in net10 (SYSLIB0021,
// SYSLIB0045): compiler warnings, which the harness ignores.
public sealed class WeakCipherAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Security.Cryptography;

        """;

    private static DiagnosticResult Expected(int location, string cipher) =>
        new DiagnosticResult(DiagnosticIds.WeakCipher, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(cipher);

    [Fact]
    public Task Des_triple_des_and_rc2_factories_and_constructors_are_reported() =>
        Verify<WeakCipherAnalyzer>.DiagnosticsAsync(Usings + """
            class Link
            {
                SymmetricAlgorithm[] Ciphers() =>
                [
                    {|#0:DES.Create()|},
                    {|#1:new DESCryptoServiceProvider()|},
                    {|#2:TripleDES.Create()|},
                    {|#3:new TripleDESCryptoServiceProvider()|},
                    {|#4:RC2.Create()|},
                    {|#5:new RC2CryptoServiceProvider()|},
                    {|#6:SymmetricAlgorithm.Create("DES")|}!,
                    {|#7:SymmetricAlgorithm.Create("3DES")|}!,
                    {|#8:SymmetricAlgorithm.Create("TripleDES")|}!,
                    (SymmetricAlgorithm){|#9:CryptoConfig.CreateFromName("RC2")|}!,
                ];
            }
            """, [], null,
            Expected(0, "DES"), Expected(1, "DES"), Expected(2, "Triple DES"), Expected(3, "Triple DES"), Expected(4, "RC2"),
            Expected(5, "RC2"), Expected(6, "DES"), Expected(7, "Triple DES"), Expected(8, "Triple DES"), Expected(9, "RC2"));

    [Fact]
    public Task Ecb_used_as_a_mode_and_the_ecb_one_shot_methods_are_reported() =>
        Verify<WeakCipherAnalyzer>.DiagnosticsAsync(Usings + """
            class Link
            {
                const CipherMode Default = {|#0:CipherMode.ECB|};

                byte[] Encrypt(byte[] key, byte[] data, bool legacy)
                {
                    using var aes = Aes.Create();
                    aes.Key = key;
                    aes.Mode = legacy ? {|#1:CipherMode.ECB|} : CipherMode.CBC;
                    var sealedData = {|#2:aes.EncryptEcb(data, PaddingMode.PKCS7)|};
                    return {|#3:aes.DecryptEcb(sealedData, PaddingMode.PKCS7)|};
                }
            }
            """, [], null,
            Expected(0, "ECB mode"), Expected(1, "ECB mode"), Expected(2, "ECB mode"), Expected(3, "ECB mode"));

    [Fact]
    public Task Aes_in_other_modes_and_tests_for_ecb_are_not_reported() =>
        Verify<WeakCipherAnalyzer>.DiagnosticsAsync(Usings + """
            class Link
            {
                byte[] Encrypt(byte[] key, byte[] iv, byte[] data, SymmetricAlgorithm given)
                {
                    if (given.Mode == CipherMode.ECB || given.Mode is CipherMode.ECB || Equals(given.Mode, CipherMode.ECB))
                    {
                        throw new ArgumentException("ECB is not accepted");
                    }

                    switch (given.Mode)
                    {
                        case CipherMode.ECB:
                            throw new ArgumentException("ECB is not accepted");
                    }

                    using var aes = Aes.Create();
                    aes.Key = key;
                    aes.Mode = CipherMode.CBC;
                    using var gcm = new AesGcm(key, 16);
                    var algorithm = SymmetricAlgorithm.Create("AES");
                    Console.WriteLine(nameof(CipherMode.ECB) + " is not used");
                    return aes.EncryptCbc(data, iv);
                }
            }
            """);

    [Fact]
    public Task Without_resolved_types_the_ciphers_and_ecb_are_found_by_name() =>
        Verify<WeakCipherAnalyzer>.UnresolvedDiagnosticsAsync("""
            class Link
            {
                const CipherMode Default = {|CMP4006:CipherMode.ECB|};

                void Configure(byte[] key, byte[] data, bool legacy)
                {
                    var des = {|CMP4006:DES.Create()|};
                    des.Mode = legacy ? {|CMP4006:CipherMode.ECB|} : CipherMode.CBC;
                    var algorithm = {|CMP4006:SymmetricAlgorithm.Create("TripleDES")|};
                    var triple = {|CMP4006:new TripleDESCryptoServiceProvider()|};
                    var aes = new Aes({|CMP4006:CipherMode.ECB|});
                    aes.Key = key;
                    var other = {|CMP4006:aes.EncryptEcb(data, PaddingMode.PKCS7)|};
                    if (aes.Mode == CipherMode.ECB || aes.Mode is CipherMode.ECB) { }
                    var name = nameof(CipherMode.ECB);
                }
            }
            """);

    [Fact]
    public Task The_nanoframework_aes_constructor_with_ecb_is_reported() =>
        Verify<WeakCipherAnalyzer>.UnresolvedDiagnosticsAsync("""
            using System.Security.Cryptography;

            class Link
            {
                // nanoFramework's Aes is a concrete class taking its mode; here the desktop Aes (abstract) binds instead.
                byte[] Encrypt(byte[] key, byte[] data)
                {
                    var aes = new Aes({|CMP4006:CipherMode.ECB|});
                    aes.Key = key;
                    return aes.Encrypt(data);
                }
            }
            """);
}
