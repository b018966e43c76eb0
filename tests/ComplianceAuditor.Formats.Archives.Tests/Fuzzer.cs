using System.Security.Cryptography;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Tests;

/// <summary>
/// Mutates a valid input many times (deterministic seed) and runs Identify and Read over each mutant, draining every
/// entry. Only <see cref="UnpackException"/> may come out. The loop runs on a worker with a generous deadline that is
/// a hang guard, not a speed test: if it passes, the test fails naming the iteration it was stuck in.
/// </summary>
internal static class Fuzzer
{
    private const long ContentCap = 16L << 20;
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    /// <summary>Mutants per test; <c>ARCHIVES_FUZZ_ITERATIONS</c> raises it for a longer campaign outside CI.</summary>
    private static int DefaultIterations =>
        int.TryParse(Environment.GetEnvironmentVariable("ARCHIVES_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 300;

    /// <param name="reseal">
    /// Applied to every other mutant: recomputes the format's header checksums so that the mutation reaches the
    /// parsing behind them instead of being turned away at the first checksum.
    /// </param>
    public static FuzzOutcome Run(IFormatReader reader, byte[] valid, int seed, int? iterations = null, Type[]? alsoAllowed = null, Action<byte[]>? reseal = null)
    {
        var count = iterations ?? DefaultIterations;
        var outcome = new FuzzOutcome();
        var random = new Random(seed);
        var current = -1;
        string currentDigest = "";
        using var cancellation = new CancellationTokenSource();
        var worker = Task.Run(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var mutant = Mutate(valid, random);
                if (reseal is not null && i % 2 == 0)
                {
                    reseal(mutant);
                }

                current = i;
                currentDigest = Convert.ToHexStringLower(SHA256.HashData(mutant))[..16];
                try
                {
                    Exercise(reader, mutant, cancellation.Token);
                    outcome.Clean++;
                }
                catch (UnpackException exception)
                {
                    outcome.Record(exception);
                }
                catch (Exception exception) when (alsoAllowed?.Contains(exception.GetType()) == true)
                {
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellation.IsCancellationRequested)
                {
                    throw new InvalidOperationException(
                        $"{reader.Format}: mutant {i} (seed {seed}, sha256 {currentDigest}...) threw {exception.GetType().FullName}: {exception.Message}", exception);
                }
            }
        });

        if (!worker.Wait(HangGuard))
        {
            cancellation.Cancel();
            Assert.Fail($"{reader.Format}: mutant {current} (seed {seed}, sha256 {currentDigest}...) did not finish: the reader hangs on it");
        }

        worker.GetAwaiter().GetResult();
        return outcome;
    }

    private static void Exercise(IFormatReader reader, byte[] input, CancellationToken cancellationToken)
    {
        // Identify may not throw at all, not even UnpackException.
        FormatMatch? match;
        try
        {
            match = reader.Identify(input.AsSpan(0, Math.Min(input.Length, FormatSignature.HeadBytes)), input.Length);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"Identify threw {exception.GetType().FullName}: {exception.Message}", exception);
        }

        if (match?.Length is { } length && (length < 1 || length > input.Length))
        {
            throw new InvalidOperationException($"Identify gave a length of {length} for {input.Length} bytes");
        }

        var context = Fixtures.Context(cancellationToken: cancellationToken);
        foreach (var entry in reader.Read(UnpackSource.FromBytes("mutant", input), context))
        {
            if (entry.Open is not null)
            {
                using var content = entry.Open();
                Fixtures.Hash(content, ContentCap);
            }
        }
    }

    /// <summary>Byte flips anywhere, byte flips in the first and last kilobyte (headers, trailers), truncation, or both.</summary>
    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = (byte[])valid.Clone();
        var kind = random.Next(5);
        if (kind is 0 or 3)
        {
            for (var n = random.Next(1, 5); n > 0; n--)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
            }
        }

        if (kind == 1)
        {
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var nearEnd = random.Next(2) == 0;
                var span = Math.Min(1024, bytes.Length);
                var at = nearEnd ? bytes.Length - 1 - random.Next(span) : random.Next(span);
                bytes[at] ^= (byte)random.Next(1, 256);
            }
        }

        if (kind == 4)
        {
            // Sizes and counts are where parsers go wrong: overwrite four bytes with an extreme value.
            var at = random.Next(Math.Max(1, Math.Min(bytes.Length, 4096) - 4));
            uint[] extremes = [0, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0x0000FFFF, 0x00010000];
            BitConverter.GetBytes(extremes[random.Next(extremes.Length)]).AsSpan(0, Math.Min(4, bytes.Length - at)).CopyTo(bytes.AsSpan(at));
        }

        if (kind is 2 or 3)
        {
            bytes = bytes[..random.Next(bytes.Length)];
        }

        return bytes;
    }

    /// <summary>Rewrites the checksum of every block that carries the ustar magic (tar headers).</summary>
    public static void ResealTar(byte[] bytes)
    {
        for (var at = 0; at + 512 <= bytes.Length; at += 512)
        {
            var block = bytes.AsSpan(at, 512);
            if (block[257..].StartsWith("ustar"u8))
            {
                block.Slice(148, 8).Fill((byte)' ');
                var sum = 0;
                foreach (var b in block)
                {
                    sum += b;
                }

                System.Text.Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(block[148..]);
            }
        }
    }

    /// <summary>Rewrites the 7z end header CRC (when the end header is in range) and the start header CRC.</summary>
    public static void ResealSevenZip(byte[] bytes)
    {
        if (bytes.Length < 32)
        {
            return;
        }

        var offset = BitConverter.ToInt64(bytes, 12);
        var size = BitConverter.ToInt64(bytes, 20);
        if (offset >= 0 && size >= 0 && offset <= bytes.Length && size <= bytes.Length - 32 - offset)
        {
            BitConverter.GetBytes(Crc32(bytes.AsSpan((int)(32 + offset), (int)size))).CopyTo(bytes, 28);
        }

        BitConverter.GetBytes(Crc32(bytes.AsSpan(12, 20))).CopyTo(bytes, 8);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}

/// <summary>How the mutants of one run ended.</summary>
internal sealed class FuzzOutcome
{
    public int Clean { get; set; }

    /// <summary>Rejected by our own checks (no inner exception).</summary>
    public int Rejected { get; private set; }

    /// <summary>Library exceptions turned into UnpackException, by the library exception's type name.</summary>
    public SortedDictionary<string, int> Wrapped { get; } = new(StringComparer.Ordinal);

    public int WrappedTotal => Wrapped.Values.Sum();

    public void Record(UnpackException exception)
    {
        if (exception.InnerException is { } inner)
        {
            var name = inner.GetType().FullName ?? inner.GetType().Name;
            Wrapped[name] = Wrapped.GetValueOrDefault(name) + 1;
        }
        else
        {
            Rejected++;
        }
    }

    public override string ToString() =>
        $"clean {Clean}, rejected {Rejected}, library exceptions wrapped {WrappedTotal}: " + string.Join(", ", Wrapped.Select(p => $"{p.Key} x{p.Value}"));
}
