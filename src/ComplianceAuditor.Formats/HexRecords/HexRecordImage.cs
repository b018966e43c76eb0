using System.Globalization;
using System.Text;
using ComplianceAuditor.Formats.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.HexRecords;

/// <summary>
/// Turns a record file into flat binaries, one per address range. Rule: runs of data are joined into one range when
/// the gap between them is at most <see cref="MaxFilledGap"/> bytes, and the gap is filled with 0xFF (the erased
/// state of flash); a larger gap starts a new range and a new entry, so a file that touches two ends of a 4 GiB
/// address space yields two small files, never one huge one. A range larger than
/// <see cref="UnpackLimits.MaxFileBytes"/> is refused. Where records overlap, the run with the lower address (then
/// the one earlier in the file) keeps the bytes, with a warning.
/// </summary>
internal static class HexRecordImage
{
    public const long MaxFilledGap = 64 * 1024;

    /// <summary>Discontinuities tracked per file: a million runs is far beyond a real image, and about 50 MB of bookkeeping.</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>Lines Identify checks; they must all be well-formed records with good checksums.</summary>
    private const int IdentifyLines = 8;

    public static bool LooksLike(IHexRecordSyntax syntax, ReadOnlySpan<byte> head, long available, out string? header)
    {
        header = null;
        Span<byte> data = stackalloc byte[256];
        var rest = head;
        long baseAddress = 0;
        var records = 0;
        for (var lineNumber = 1; lineNumber <= IdentifyLines && rest.Length > 0; lineNumber++)
        {
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0 && head.Length < available)
            {
                break; // the last line in the head may be cut short; it is not evidence either way
            }

            var line = newline >= 0 ? rest[..newline] : rest;
            rest = newline >= 0 ? rest[(newline + 1)..] : [];
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            try
            {
                var record = syntax.Decode(line, lineNumber, ref baseAddress, data);
                if (records == 0 && HexDigits.Trim(line).IsEmpty)
                {
                    return false; // a record file starts with a record, which also keeps blank text from matching
                }

                records++;
                if (record.Kind == HexRecordKind.Header)
                {
                    header = EntryNames.FixedField(data[..record.Length]);
                }
                else if (record.Kind == HexRecordKind.End)
                {
                    break;
                }
            }
            catch (UnpackException)
            {
                return false;
            }
        }

        return records > 0;
    }

    public static IEnumerable<UnpackedEntry> Read(IHexRecordSyntax syntax, UnpackSource source, UnpackContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var scan = Scan(syntax, source, context);
        var ranges = BuildRanges(syntax, scan.Runs, context);
        return Emit(syntax, source, scan, ranges);
    }

    private static IEnumerable<UnpackedEntry> Emit(IHexRecordSyntax syntax, UnpackSource source, ScanResult scan, List<List<AddressRun>> ranges)
    {
        foreach (var range in ranges)
        {
            var start = range[0].Address;
            var end = range.Max(r => r.End);
            var description = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"{syntax.FormatName} data 0x{start:x8}..0x{end - 1:x8} ({end - start} bytes from {range.Count} record runs)"));
            if (scan.StartAddress is { } entry)
            {
                description.Append(CultureInfo.InvariantCulture, $", start address 0x{entry:x8}");
            }

            if (scan.Header is { Length: > 0 } header)
            {
                description.Append(CultureInfo.InvariantCulture, $", header '{header}'");
            }

            yield return new UnpackedEntry
            {
                Path = string.Create(CultureInfo.InvariantCulture, $"0x{start:x8}.bin"),
                Type = EntryType.File,
                Size = end - start,
                LoadAddress = start,
                Description = description.ToString(),
                Open = () => new RangeStream(syntax, source, range, start, end),
            };
        }
    }

    private sealed record ScanResult(List<AddressRun> Runs, long? StartAddress, string? Header);

    /// <summary>First pass: every line is decoded and checked; only the runs and the start address are kept.</summary>
    private static ScanResult Scan(IHexRecordSyntax syntax, UnpackSource source, UnpackContext context)
    {
        var reader = new TextLineReader(source, 0, 1, syntax.FormatName);
        var runs = new List<AddressRun>();
        Span<byte> data = stackalloc byte[256];
        long baseAddress = 0;
        long? startAddress = null;
        string? header = null;
        long dataRecords = 0;
        long? declaredCount = null;
        var ended = false;
        AddressRun? current = null;
        while (reader.TryReadLine(out var line))
        {
            if ((reader.LineNumber & 0xFFF) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            var lineBase = baseAddress;
            var record = syntax.Decode(line, reader.LineNumber, ref baseAddress, data);
            switch (record.Kind)
            {
                case HexRecordKind.Data when record.Length > 0:
                    dataRecords++;
                    if (current is { } run && run.End == record.Address)
                    {
                        current = run with { Length = run.Length + record.Length };
                    }
                    else
                    {
                        if (current is { } finished)
                        {
                            runs.Add(finished);
                        }

                        if (runs.Count >= MaxRuns)
                        {
                            throw Fail.Malformed(syntax.FormatName, $"more than {MaxRuns} discontiguous runs of data (line {reader.LineNumber})");
                        }

                        current = new AddressRun(record.Address, record.Length, reader.LineOffset, reader.LineNumber, lineBase, runs.Count);
                    }

                    break;
                case HexRecordKind.Data:
                    dataRecords++;
                    break;
                case HexRecordKind.StartAddress:
                    startAddress = record.Value;
                    break;
                case HexRecordKind.Header:
                    header ??= EntryNames.FixedField(data[..record.Length]);
                    break;
                case HexRecordKind.Count:
                    declaredCount = record.Value;
                    break;
                default:
                    break;
            }

            if (record.Kind == HexRecordKind.End)
            {
                ended = true;
                break;
            }
        }

        if (current is { } last)
        {
            runs.Add(last);
        }

        if (syntax is IntelHexSyntax && !ended)
        {
            context.Warn("ihex: the file has no end-of-file record (type 01); it may be truncated");
        }

        if (declaredCount is { } count && count != (dataRecords & (syntax is SRecordSyntax ? 0xFFFFFF : long.MaxValue)))
        {
            context.Warn(string.Create(CultureInfo.InvariantCulture,
                $"{syntax.FormatName}: the count record says {count} data records, the file has {dataRecords}"));
        }

        return new ScanResult(runs, startAddress, header);
    }

    private static List<List<AddressRun>> BuildRanges(IHexRecordSyntax syntax, List<AddressRun> runs, UnpackContext context)
    {
        runs.Sort((a, b) => a.Address != b.Address ? a.Address.CompareTo(b.Address) : a.Order.CompareTo(b.Order));
        var ranges = new List<List<AddressRun>>();
        List<AddressRun>? range = null;
        long end = 0;
        long overlaps = 0;
        foreach (var run in runs)
        {
            if (range is null || run.Address > end + MaxFilledGap)
            {
                range = [];
                ranges.Add(range);
                end = run.Address;
            }
            else if (run.Address < end)
            {
                overlaps++;
            }

            range.Add(run);
            end = Math.Max(end, run.End);
            if (end - range[0].Address > context.Limits.MaxFileBytes)
            {
                throw Fail.Malformed(syntax.FormatName,
                    $"address range from 0x{range[0].Address:x} to 0x{end:x} (line {run.LineNumber}) is larger than the {context.Limits.MaxFileBytes}-byte limit of one extracted file");
            }
        }

        if (overlaps > 0)
        {
            context.Warn(string.Create(CultureInfo.InvariantCulture,
                $"{syntax.FormatName}: {overlaps} runs of records overlap others; the lower-addressed (then earlier) data was kept"));
        }

        return ranges;
    }

    /// <summary>
    /// Produces one range on demand: 0xFF for gaps, and the data of each run decoded again from its first line.
    /// Memory stays at one line buffer whatever the range size.
    /// </summary>
    private sealed class RangeStream : ForwardOnlyStream
    {
        private readonly IHexRecordSyntax _syntax;
        private readonly UnpackSource _source;
        private readonly List<AddressRun> _runs;
        private readonly long _start;
        private readonly long _end;
        private readonly byte[] _record = new byte[256];
        private long _position;
        private int _runIndex = -1;
        private long _runBase;
        private TextLineReader? _lines;
        private long _recordAddress;
        private int _recordLength;
        private long _runDecoded;

        public RangeStream(IHexRecordSyntax syntax, UnpackSource source, List<AddressRun> runs, long start, long end)
        {
            _syntax = syntax;
            _source = source;
            _runs = runs;
            _start = start;
            _end = end;
            _position = start;
        }

        public override long Length => _end - _start;

        public override long Position => _position - _start;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length && _position < _end)
            {
                // Bytes of the current record that are at or after the position.
                if (_recordLength > 0 && _position >= _recordAddress && _position < _recordAddress + _recordLength)
                {
                    var from = (int)(_position - _recordAddress);
                    var n = Math.Min(_recordLength - from, buffer.Length - written);
                    _record.AsSpan(from, n).CopyTo(buffer[written..]);
                    written += n;
                    _position += n;
                    continue;
                }

                if (!NextRecord())
                {
                    // No more data at or after the position in any run: the rest up to the next run is fill.
                    var next = NextRunStart();
                    if (_recordLength > 0 && _recordAddress > _position)
                    {
                        next = Math.Min(next, _recordAddress);
                    }

                    var n = (int)Math.Min(Math.Min(next, _end) - _position, buffer.Length - written);
                    buffer.Slice(written, n).Fill(0xFF);
                    written += n;
                    _position += n;
                }
            }

            return written;
        }

        /// <summary>Moves to the next data record that still has bytes at or after the position; false when the position is in a gap.</summary>
        private bool NextRecord()
        {
            while (true)
            {
                if (_lines is not null && _runDecoded < _runs[_runIndex].Length)
                {
                    if (!_lines.TryReadLine(out var line))
                    {
                        throw Fail.Malformed(_syntax.FormatName, $"the data of the run at line {_runs[_runIndex].LineNumber} changed while it was read");
                    }

                    var record = _syntax.Decode(line, _lines.LineNumber, ref _runBase, _record);
                    if (record.Kind != HexRecordKind.Data || record.Length == 0)
                    {
                        continue;
                    }

                    _recordAddress = record.Address;
                    _recordLength = record.Length;
                    _runDecoded += record.Length;
                    if (_recordAddress + _recordLength > _position)
                    {
                        return _recordAddress <= _position;
                    }

                    continue;
                }

                // Start the next run if it begins at or before the position (overlapping runs are skipped past).
                if (_runIndex + 1 < _runs.Count && _runs[_runIndex + 1].Address <= _position)
                {
                    _runIndex++;
                    var run = _runs[_runIndex];
                    _lines = new TextLineReader(_source, run.LineOffset, run.LineNumber, _syntax.FormatName, bufferSize: 8 * 1024);
                    _runBase = run.BaseAddress;
                    _runDecoded = 0;
                    _recordLength = 0;
                    continue;
                }

                _lines = null;
                return false;
            }
        }

        private long NextRunStart() => _runIndex + 1 < _runs.Count ? _runs[_runIndex + 1].Address : _end;
    }
}
