using System.Formats.Cbor;
using ComplianceAuditor.Update.Suit.Cbor;

namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// Reads the manifest (envelope key 3) and its members. Each member is read on its own, so a broken install
/// sequence still leaves the sequence number and the shared sequence read; the first defect becomes the problem.
/// A severable member (payload-fetch 16, install 20, text 23) is either in the manifest as a bstr, or there as a
/// SUIT_Digest with the member itself in the envelope; it is only used when the digest matches, as a device would.
/// </summary>
internal static class SuitManifestReader
{
    private static readonly (long Key, string Name)[] Unseverable = [(7, "validate"), (8, "load"), (9, "invoke")];
    private static readonly (long Key, string Name)[] SeverableMembers = [(16, "payload-fetch"), (20, "install"), (23, "text")];

    public static SuitManifestReading Read(SuitEnvelope envelope, BoundedCborDecoder decoder, int depth)
    {
        var info = new SuitManifestInfo
        {
            EnvelopeBytes = envelope.Length,
            ManifestBytes = envelope.Manifest is { IsBytes: true } m ? m.Bytes.Length : 0,
            Tagged = envelope.Tagged,
            IntegratedPayloads = [.. envelope.Payloads.Select(p => SuitText.Clip(p.Key))],
        };
        if (envelope.Manifest is not { IsBytes: true } wrapped)
        {
            return new(info, [], false, envelope.Manifest is null
                ? "the envelope has no manifest (key 3)"
                : $"the manifest (key 3) is {envelope.Manifest.Describe()}, not a bstr");
        }

        CborItem manifest;
        try
        {
            manifest = decoder.Decode(wrapped.Bytes, depth + 1, "the manifest");
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or SuitFormatException)
        {
            return new(info, [], false, SuitFormatException.Describe("the manifest", e));
        }

        if (!manifest.IsMap)
        {
            return new(info, [], false, $"the manifest is {manifest.Describe()}, not a map");
        }

        string? problem = null;
        void Attempt(string what, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (e is CborContentException or InvalidOperationException or SuitFormatException)
            {
                problem ??= SuitFormatException.Describe(what, e);
            }
        }

        var scanner = new SuitCommandScanner(decoder);
        var components = new List<string>();
        var sequences = new List<string>();
        var severable = new List<(string, bool?)>();
        var texts = new List<CborItem>();
        Attempt("the manifest", () => CheckUnsigned(manifest));
        Attempt("the common member", () => Common(manifest.Get(3), scanner, decoder, depth + 1, components));
        foreach (var (key, name) in Unseverable)
        {
            if (manifest.Get(key) is { } sequence)
            {
                sequences.Add(name);
                Attempt("the " + name + " sequence", () => scanner.ScanWrapped(sequence, depth + 1, "the " + name + " sequence"));
            }
        }

        foreach (var (key, name) in SeverableMembers)
        {
            var inEnvelope = envelope.Severable.FirstOrDefault(s => s.Key == key).Value;
            Attempt("the " + name + " member", () =>
            {
                if (Severable(manifest.Get(key), inEnvelope, name, sequences, severable) is not { } content)
                {
                    return;
                }

                if (key == 23)
                {
                    texts.Add(decoder.Decode(content.Bytes, depth + 2, "the text member"));
                }
                else
                {
                    scanner.ScanWrapped(content, depth + 1, "the " + name + " sequence");
                }
            });
        }

        info = info with
        {
            ManifestVersion = manifest.Get(1)?.AsUInt64(),
            SequenceNumber = manifest.Get(2)?.AsUInt64(),
            ReferenceUri = manifest.Get(4) is { IsText: true } uri ? SuitText.Clip(uri.Text) : null,
            Components = components,
            Sequences = sequences,
            Commands = scanner.ToSummary(),
            TextVersions = [.. texts.SelectMany(ComponentVersions).Distinct(StringComparer.Ordinal)],
        };
        return new(info, severable, true, problem);
    }

    /// <summary>Version and sequence number present but of the wrong type are defects, not absences.</summary>
    private static void CheckUnsigned(CborItem manifest)
    {
        if (manifest.Get(1) is { } version && version.AsUInt64() is null)
        {
            throw new SuitFormatException($"the manifest version (key 1) is {version.Describe()}, not a uint");
        }

        if (manifest.Get(2) is { } sequence && sequence.AsUInt64() is null)
        {
            throw new SuitFormatException($"the sequence number (key 2) is {sequence.Describe()}, not a uint");
        }
    }

    private static void Common(CborItem? wrapped, SuitCommandScanner scanner, BoundedCborDecoder decoder, int depth, List<string> components)
    {
        if (wrapped is null)
        {
            return;
        }

        var common = wrapped.IsBytes ? decoder.Decode(wrapped.Bytes, depth + 1, "the common member") : wrapped;
        if (!common.IsMap)
        {
            throw new SuitFormatException($"the common member is {common.Describe()}, not a map");
        }

        if (common.Get(2) is { } list)
        {
            components.AddRange(list.IsArray ? list.Items.Select(SuitText.Component) : throw new SuitFormatException("the components are not an array"));
        }

        if (common.Get(4) is { } shared)
        {
            scanner.ScanWrapped(shared, depth + 1, "the shared sequence");
        }
    }

    /// <summary>The member to read (a bstr), or null when it is absent, severed, or does not match its digest.</summary>
    private static CborItem? Severable(CborItem? inManifest, CborItem? inEnvelope, string name, List<string> sequences, List<(string, bool?)> checks)
    {
        if (inManifest is null)
        {
            if (inEnvelope is not null)
            {
                // The manifest does not vouch for it, so a device ignores it; so does this reader.
                sequences.Add(name + " (in the envelope, but the manifest has no digest of it)");
                checks.Add((name, false));
            }

            return null;
        }

        if (inManifest.IsBytes)
        {
            sequences.Add(name);
            return inManifest;
        }

        var digest = SuitDigest.Parse(inManifest, "the " + name + " digest");
        if (inEnvelope is null)
        {
            sequences.Add(name + " (severed: the manifest holds only its digest)");
            return null;
        }

        var matches = digest.Matches(inEnvelope.Bytes);
        checks.Add((name, matches));
        sequences.Add(name + matches switch
        {
            true => " (severable, matches its digest)",
            false => " (severable, does NOT match its digest)",
            null => " (severable, " + digest.AlgorithmName + " digest not recomputed)",
        });
        return matches == false ? null : inEnvelope;
    }

    /// <summary>suit-text-component-version (6) of every component, in the draft-37 form {ltag: {component: {...}}} or the older flat one.</summary>
    private static IEnumerable<string> ComponentVersions(CborItem text)
    {
        var maps = text.Entries.Where(e => e.Key.IsText && e.Value.IsMap).Select(e => e.Value).Append(text);
        return maps
            .SelectMany(map => map.Entries)
            .Where(e => e.Key.IsArray && e.Value.IsMap)
            .Select(e => e.Value.Get(6))
            .OfType<CborItem>()
            .Where(v => v.IsText)
            .Select(v => SuitText.Clip(v.Text));
    }
}
