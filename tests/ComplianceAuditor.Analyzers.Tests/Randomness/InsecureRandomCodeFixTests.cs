using ComplianceAuditor.Analyzers.CodeFixes.Randomness;
using ComplianceAuditor.Analyzers.Randomness;
using ComplianceAuditor.Analyzers.Tests.Verification;

namespace ComplianceAuditor.Analyzers.Tests.Randomness;

public sealed class InsecureRandomCodeFixTests
{
    [Fact]
    public Task NextBytes_becomes_RandomNumberGenerator_Fill_and_the_using_is_added() =>
        Verify<InsecureRandomAnalyzer, InsecureRandomCodeFix>.FixAsync("""
            using System;

            class Crypto
            {
                private readonly Random rng = new Random();

                byte[] MakeKey()
                {
                    var key = new byte[32];
                    {|CMP4007:rng.NextBytes(key)|};
                    return key;
                }
            }
            """, """
            using System;
            using System.Security.Cryptography;

            class Crypto
            {
                private readonly Random rng = new Random();

                byte[] MakeKey()
                {
                    var key = new byte[32];
                    RandomNumberGenerator.Fill(key);
                    return key;
                }
            }
            """);

    [Fact]
    public Task Next_with_bounds_becomes_GetInt32_with_the_same_bounds_in_parameter_order() =>
        Verify<InsecureRandomAnalyzer, InsecureRandomCodeFix>.FixAsync("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            class Codes
            {
                private static readonly Random Rng = new Random();

                int NewPin() => {|CMP4007:Rng.Next(10000)|};

                int PairingCode() => {|CMP4007:Random.Shared.Next(maxValue: 999999, minValue: 100000)|};

                string GenerateToken() => {|CMP4007:Rng.Next(0, 1 << 30)|}.ToString("X8");
            }
            """, """
            using System;
            using System.Security.Cryptography;
            using System.Text;

            class Codes
            {
                private static readonly Random Rng = new Random();

                int NewPin() => RandomNumberGenerator.GetInt32(10000);

                int PairingCode() => RandomNumberGenerator.GetInt32(100000, 999999);

                string GenerateToken() => RandomNumberGenerator.GetInt32(0, 1 << 30).ToString("X8");
            }
            """);

    [Fact]
    public Task The_using_goes_in_System_first_order_and_a_file_without_usings_gets_one() =>
        Verify<InsecureRandomAnalyzer, InsecureRandomCodeFix>.FixAsync("""
            class Codes
            {
                int NewPin(System.Random r) => {|CMP4007:r.Next(10000)|};
            }
            """, """
            using System.Security.Cryptography;

            class Codes
            {
                int NewPin(System.Random r) => RandomNumberGenerator.GetInt32(10000);
            }
            """);

    [Fact]
    public Task The_using_is_inserted_between_system_namespaces_and_before_others() =>
        Verify<InsecureRandomAnalyzer, InsecureRandomCodeFix>.FixAsync("""
            using System;
            using System.Text;
            using Acme.Devices;

            namespace Acme.Devices
            {
                class Codes
                {
                    int NewPin(Random r) => {|CMP4007:r.Next(10000)|};
                }
            }
            """, """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Acme.Devices;

            namespace Acme.Devices
            {
                class Codes
                {
                    int NewPin(Random r) => RandomNumberGenerator.GetInt32(10000);
                }
            }
            """);

    [Fact]
    public Task A_file_header_stays_above_a_using_added_first() =>
        Verify<InsecureRandomAnalyzer, InsecureRandomCodeFix>.FixAsync("""
            // Copyright (c) Acme.
            using Acme.Devices;

            namespace Acme.Devices
            {
                class Codes
                {
                    int NewPin(System.Random r) => {|CMP4007:r.Next(10000)|};
                }
            }
            """, """
            // Copyright (c) Acme.
            using System.Security.Cryptography;
            using Acme.Devices;

            namespace Acme.Devices
            {
                class Codes
                {
                    int NewPin(System.Random r) => RandomNumberGenerator.GetInt32(10000);
                }
            }
            """);

    [Fact]
    public Task Usings_inside_the_namespace_get_the_new_one_there() =>
        Verify<InsecureRandomAnalyzer, InsecureRandomCodeFix>.FixAsync("""
            namespace Acme.Devices;

            using System;

            class Codes
            {
                int NewPin(Random r) => {|CMP4007:r.Next(10000)|};
            }
            """, """
            namespace Acme.Devices;

            using System;
            using System.Security.Cryptography;

            class Codes
            {
                int NewPin(Random r) => RandomNumberGenerator.GetInt32(10000);
            }
            """);

    [Fact]
    public Task No_fix_is_offered_for_call_shapes_without_a_replacement() =>
        Verify<InsecureRandomAnalyzer, InsecureRandomCodeFix>.FixAsync("""
            using System;

            class Codes
            {
                private static readonly Random Rng = new Random();

                double NewSalt() => {|CMP4007:Rng.NextDouble()|};

                string GenerateToken() => {|CMP4007:Rng.Next()|}.ToString("X8");

                long NewNonce() => {|CMP4007:Rng.NextInt64(1L << 40)|};

                int NewPin() => {|CMP4007:Create().Next(10000)|};

                static Random Create() => new Random();
            }
            """, """
            using System;

            class Codes
            {
                private static readonly Random Rng = new Random();

                double NewSalt() => {|CMP4007:Rng.NextDouble()|};

                string GenerateToken() => {|CMP4007:Rng.Next()|}.ToString("X8");

                long NewNonce() => {|CMP4007:Rng.NextInt64(1L << 40)|};

                int NewPin() => {|CMP4007:Create().Next(10000)|};

                static Random Create() => new Random();
            }
            """);
}
