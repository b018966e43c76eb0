using ComplianceAuditor.Analyzers.Randomness;
using ComplianceAuditor.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Randomness;

public sealed class InsecureRandomAnalyzerTests
{
    private static DiagnosticResult Makes(int location, string what) =>
        new DiagnosticResult(DiagnosticIds.InsecureRandomForSecret, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(what);

    [Fact]
    public Task NextBytes_filling_a_buffer_named_as_a_secret_is_reported_on_the_call() =>
        Verify<InsecureRandomAnalyzer>.DiagnosticsAsync("""
            using System;
            class Crypto
            {
                private readonly Random rng = new Random();
                private byte[] iv = new byte[16];

                byte[] MakeKey()
                {
                    var key = new byte[32];
                    {|#0:rng.NextBytes(key)|};
                    {|#1:rng.NextBytes(iv)|};
                    Span<byte> nonce = stackalloc byte[12];
                    {|#2:Random.Shared.NextBytes(nonce)|};
                    return key;
                }

                void Salt(byte[] salt) => {|#3:rng.NextBytes(salt.AsSpan(0, 8))|};
            }
            """, [], null, Makes(0, "a key"), Makes(1, "an IV"), Makes(2, "a nonce"), Makes(3, "a salt"));

    [Fact]
    public Task Random_numbers_turned_into_tokens_passwords_and_codes_are_reported() =>
        Verify<InsecureRandomAnalyzer>.DiagnosticsAsync("""
            using System;
            using System.Linq;
            using System.Text;
            class Accounts
            {
                private static readonly Random Rng = new Random();
                private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

                public string SessionId { get; private set; } = "";

                string GenerateToken() => {|#0:Rng.Next()|}.ToString("X8");

                string CreatePassword(int length)
                {
                    var builder = new StringBuilder();
                    for (var i = 0; i < length; i++)
                    {
                        builder.Append(Alphabet[{|#1:Rng.Next(Alphabet.Length)|}]);
                    }

                    return builder.ToString();
                }

                string NewPin() => new string(Enumerable.Range(0, 6).Select(_ => (char)('0' + {|#2:Rng.Next(10)|})).ToArray());

                void StartSession()
                {
                    var raw = new byte[16];
                    {|#3:Rng.NextBytes(raw)|};
                    var text = Convert.ToBase64String(raw);
                    SessionId = text;
                }

                void Pair()
                {
                    var pairingCode = {|#4:Random.Shared.Next(100000, 999999)|};
                    var chars = new char[8];
                    for (var i = 0; i < chars.Length; i++)
                    {
                        chars[i] = Alphabet[{|#5:Rng.Next(Alphabet.Length)|}];
                    }

                    var devicePassword = new string(chars);
                    var otp = {|#6:Rng.GetItems(Alphabet.ToCharArray(), 6)|};
                    long challenge = {|#7:Rng.NextInt64()|};
                }
            }
            """, [], null,
            Makes(0, "a token"), Makes(1, "a password"), Makes(2, "a PIN"), Makes(3, "a session id"),
            Makes(4, "a one-time code"), Makes(5, "a password"), Makes(6, "a one-time password"), Makes(7, "a challenge"));

    [Fact]
    public Task Random_for_delays_sensors_shuffles_games_and_sampling_is_not_reported() =>
        Verify<InsecureRandomAnalyzer>.DiagnosticsAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            class Device
            {
                private readonly Random random = new Random();
                private readonly Dictionary<int, string> cache = new Dictionary<int, string>();

                async Task Retry(int attempt)
                {
                    var jitter = random.Next(0, 250);
                    var backoffDelay = (1 << attempt) * 100 + jitter;
                    await Task.Delay(TimeSpan.FromMilliseconds(backoffDelay));
                    Thread.Sleep(random.Next(1000));
                }

                double ReadTemperature() => 20.0 + random.NextDouble() * 5.0;

                List<string> ShuffleTiles(List<string> tiles) => tiles.OrderBy(_ => random.Next()).ToList();

                int RollDice() => random.Next(1, 7);

                bool Sample() => random.NextDouble() < 0.05;

                void Cache(string value)
                {
                    var cacheKey = random.Next().ToString();
                    cache.Add(random.Next(), value);
                    var clientId = "sensor-" + random.Next(1000);
                    var keyCount = random.Next(3);
                }
            }
            """);

    [Fact]
    public Task RandomNumberGenerator_is_not_reported() =>
        Verify<InsecureRandomAnalyzer>.DiagnosticsAsync("""
            using System;
            using System.Security.Cryptography;
            class Crypto
            {
                byte[] MakeKey()
                {
                    var key = new byte[32];
                    RandomNumberGenerator.Fill(key);
                    var token = RandomNumberGenerator.GetInt32(1000000).ToString("D6");
                    return key;
                }
            }
            """);

    [Fact]
    public Task A_class_derived_from_Random_is_System_Random_too() =>
        Verify<InsecureRandomAnalyzer>.DiagnosticsAsync("""
            using System;
            class SeededRandom : Random
            {
                public SeededRandom() : base(42) { }

                public override int Next(int maxValue) => base.Next(maxValue);
            }
            class C
            {
                int NewNonce(SeededRandom r) => {|#0:r.Next(int.MaxValue)|};
            }
            """, [], null, Makes(0, "a nonce"));

    [Fact]
    public Task Platform_types_unresolved_still_report_random_secrets() =>
        Verify<InsecureRandomAnalyzer>.UnresolvedDiagnosticsAsync("""
            using System;
            using nanoFramework.Networking;
            using nanoFramework.M2Mqtt;
            class Provisioning
            {
                private readonly Random random = new Random();

                void Provision(MqttClient client)
                {
                    var token = {|CMP4007:random.Next()|}.ToString("X");
                    client.Connect("device", "device", token);
                    var apPassword = new byte[8];
                    {|CMP4007:random.NextBytes(apPassword)|};
                    WifiNetworkHelper.ConnectDhcp("setup", Convert.ToBase64String(apPassword));
                    Thread.Sleep(random.Next(500));
                }
            }
            """);
}
