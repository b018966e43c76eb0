using System.Globalization;
using ComplianceAuditor.Update.Suit.Cbor;

namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// Walks SUIT command sequences (<c>[+ (command, argument)]</c>) and collects the conditions used and the parameters
/// set. try-each (15) and run-sequence (32) carry nested sequences in bstrs; those are decoded with the same
/// bounded decoder one level deeper, so a hostile chain of nested sequences stops at the depth limit.
/// </summary>
internal sealed class SuitCommandScanner(BoundedCborDecoder decoder)
{
    private const long TryEach = 15;
    private const long RunSequence = 32;
    private const long OverrideMultiple = 34;

    private readonly List<long> commands = [];
    private readonly List<string> vendorIds = [];
    private readonly List<string> classIds = [];
    private readonly List<string> imageDigests = [];
    private readonly List<ulong> imageSizes = [];
    private readonly List<string> uris = [];
    private readonly List<string> versions = [];

    /// <summary>Scans a <c>bstr .cbor SUIT_Command_Sequence</c>.</summary>
    public void ScanWrapped(CborItem wrapped, int depth, string what)
    {
        if (!wrapped.IsBytes)
        {
            throw new SuitFormatException($"{what} is {wrapped.Describe()}, not a bstr-wrapped command sequence");
        }

        Scan(decoder.Decode(wrapped.Bytes, depth + 1, what), depth + 1, what);
    }

    public SuitCommandSummary ToSummary() => new(
        [.. commands.Distinct()], [.. vendorIds.Distinct(StringComparer.Ordinal)], [.. classIds.Distinct(StringComparer.Ordinal)],
        [.. imageDigests.Distinct(StringComparer.Ordinal)], [.. imageSizes.Distinct()], [.. uris.Distinct(StringComparer.Ordinal)],
        [.. versions.Distinct(StringComparer.Ordinal)]);

    private void Scan(CborItem sequence, int depth, string what)
    {
        if (!sequence.IsArray || sequence.Items.Count % 2 != 0)
        {
            throw new SuitFormatException($"{what} is not a command sequence of (command, argument) pairs");
        }

        for (var i = 0; i < sequence.Items.Count; i += 2)
        {
            var command = sequence.Items[i].AsInt64()
                ?? throw new SuitFormatException(string.Create(CultureInfo.InvariantCulture, $"{what}: command {i / 2 + 1} is {sequence.Items[i].Describe()}"));
            var argument = sequence.Items[i + 1];
            commands.Add(command);
            if (argument.IsMap)
            {
                Parameters(argument, depth + 1, what);
            }
            else if (command == TryEach && argument.IsArray)
            {
                foreach (var option in argument.Items.Where(o => !o.IsNull))
                {
                    ScanWrapped(option, depth + 1, what + " try-each");
                }
            }
            else if (command == RunSequence)
            {
                ScanWrapped(argument, depth + 1, what + " run-sequence");
            }
        }
    }

    private void Parameters(CborItem parameters, int depth, string what)
    {
        foreach (var (key, value) in parameters.Entries)
        {
            switch (key.AsInt64())
            {
                case 1:
                    vendorIds.Add(SuitText.Identifier(value));
                    break;
                case 2:
                    classIds.Add(SuitText.Identifier(value));
                    break;
                case 3:
                    var digest = value.IsBytes ? decoder.Decode(value.Bytes, depth + 1, what + " image-digest") : value;
                    imageDigests.Add(SuitDigest.Parse(digest, what + " image-digest").ToString());
                    break;
                case 14 when value.AsUInt64() is { } size:
                    imageSizes.Add(size);
                    break;
                case 21 when value.IsText:
                    uris.Add(SuitText.Clip(value.Text));
                    break;
                case 28:
                    versions.Add(Version(value));
                    break;
                case OverrideMultiple when value.IsMap:
                    foreach (var perComponent in value.Entries.Select(e => e.Value).Where(v => v.IsMap))
                    {
                        Parameters(perComponent, depth + 1, what);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>A SUIT_Parameter_Version_Match <c>[comparison, [+ int]]</c> as "&gt;= 1.2.3".</summary>
    private static string Version(CborItem value)
    {
        if (!value.IsArray || value.Items.Count != 2 || !value.Items[1].IsArray)
        {
            return value.Describe();
        }

        var comparison = value.Items[0].AsInt64() switch
        {
            1 => ">",
            2 => ">=",
            3 => "==",
            4 => "<=",
            5 => "<",
            _ => "?",
        };
        var parts = value.Items[1].Items.Take(8).Select(p => p.AsInt64()?.ToString(CultureInfo.InvariantCulture) ?? "?");
        return comparison + " " + string.Join('.', parts);
    }
}
