using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Content;

/// <summary>
/// An artifact's text, decoded as it is read into one pooled buffer, a window at a time. A 16 MB text file decoded
/// whole needed a 32 MB buffer per worker, which the shared pool does not keep, so large files left tens of megabytes
/// of garbage on the large-object heap; a window is at most 2 MB whatever the file.
/// </summary>
/// <remarks>
/// Each window repeats the end of the one before (<see cref="Sizes.Lookback"/> characters, so that anchors, word
/// boundaries and lookbehinds see what precedes) and reads on past where its own matches stop
/// (<see cref="Sizes.Lookahead"/> characters, so that a match starting near the end is read whole). What a pass over
/// the whole file would find and this may not, in files over a window: a match longer than the lookahead that starts
/// near the end of a window, and, for patterns that look further ahead than that (a lookahead over 64 K characters,
/// <c>\z</c>), a different answer at the cut. Patterns are line-oriented, and lines of 64 K characters are not
/// configuration; <c>TextWindowsTests</c> compares both ways on random text.
/// </remarks>
internal sealed class TextWindows : IDisposable
{
    private const int ChunkBytes = 1 << 16;

    private readonly Stream _stream;
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly Sizes _sizes;
    private readonly long _limit;
    private readonly long _size;
    private char[]? _chars;
    private byte[]? _bytes;
    private long _read;
    private int _filled;
    private bool _ended;
    private long _linesBefore;
    private long _lineStartBefore;

    private TextWindows(Stream stream, long limit, long size, Sizes sizes)
    {
        _stream = stream;
        _limit = limit;
        _size = size;
        _sizes = sizes;
        _chars = ArrayPool<char>.Shared.Rent(sizes.Capacity);
        _bytes = ArrayPool<byte>.Shared.Rent(ChunkFor(sizes.Capacity));
    }

    /// <summary>Characters decoded so far that this window holds; <see cref="Start"/> is the first one's index in the file.</summary>
    public ReadOnlySpan<char> Text => _chars.AsSpan(0, _filled);

    public long Start { get; private set; }

    /// <summary>The first index of <see cref="Text"/> whose matches belong to this window (before it: the lookback).</summary>
    public int From { get; private set; }

    /// <summary>Matches starting at or after this index belong to the next window; the end of the text on the last.</summary>
    public int End { get; private set; }

    public bool IsLast { get; private set; }

    /// <summary>Whether all the text fits in this first window, so that several rules can share it.</summary>
    public bool IsWhole => IsLast && Start == 0;

    /// <summary>Whether the file is longer than what was read (the limit); known once the last window is read.</summary>
    public bool Truncated => IsLast && _size > _read;

    /// <summary>
    /// Whether a text of <paramref name="bytes"/> bytes is sure to fit one window (UTF-8 never gives more characters
    /// than bytes), so that it can be read once and shared; a larger one may still fit when its characters are wide.
    /// </summary>
    public static bool FitsOneWindow(long bytes, Sizes? sizes = null)
    {
        var capacity = (sizes ?? Sizes.Default).Capacity;
        return bytes <= capacity - ChunkFor(capacity) - 4;
    }

    /// <summary>Opens <paramref name="artifact"/> and reads its first window.</summary>
    public static TextWindows Open(Artifact artifact, long maxBytes, CancellationToken cancellationToken, Sizes? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var stream = artifact.Content!.OpenRead();
        var windows = new TextWindows(stream, Math.Min(maxBytes, artifact.Size), artifact.Size, sizes ?? Sizes.Default);
        try
        {
            windows.Fill(cancellationToken);
            return windows;
        }
        catch
        {
            windows.Dispose();
            throw;
        }
    }

    /// <summary>Moves on to the next window; false after the last.</summary>
    public bool Next(CancellationToken cancellationToken)
    {
        if (IsLast)
        {
            return false;
        }

        // Keep the lookback before the next window's first match and the lookahead already read; count the lines of
        // what is let go of, for the line numbers of later matches.
        var keepFrom = End - _sizes.Lookback;
        var dropped = _chars.AsSpan(0, keepFrom);
        _linesBefore += dropped.Count('\n');
        var lastNewline = dropped.LastIndexOf('\n');
        if (lastNewline >= 0)
        {
            _lineStartBefore = Start + lastNewline + 1;
        }

        _chars.AsSpan(keepFrom, _filled - keepFrom).CopyTo(_chars);
        _filled -= keepFrom;
        Start += keepFrom;
        From = _sizes.Lookback;
        Fill(cancellationToken);
        return true;
    }

    /// <summary>1-based line and column of the character at <paramref name="index"/> of <see cref="Text"/>.</summary>
    public (int Line, int Column) Position(int index)
    {
        var before = Text[..index];
        var line = _linesBefore + before.Count('\n') + 1;
        var lastNewline = before.LastIndexOf('\n');
        var lineStart = lastNewline >= 0 ? Start + lastNewline + 1 : _lineStartBefore;
        return ((int)Math.Min(int.MaxValue, line), (int)Math.Min(int.MaxValue, Start + index - lineStart + 1));
    }

    /// <summary>
    /// Calls <paramref name="onMatch"/> for each match of <paramref name="regex"/> in the text, in order and without
    /// overlaps, as one pass over the whole text would, moving through the windows; stops when it returns false.
    /// </summary>
    public void ForEachMatch(Regex regex, MatchHandler onMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regex);
        ArgumentNullException.ThrowIfNull(onMatch);
        var resume = Start + From;
        do
        {
            // Matching starts inside the text, not at a cut, so anchors and lookbehinds see what comes before.
            var startAt = (int)Math.Max(From, resume - Start);
            if (startAt > Text.Length)
            {
                continue;
            }

            foreach (var m in regex.EnumerateMatches(Text, startAt))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (m.Index >= End)
                {
                    break;
                }

                if (!onMatch(this, m.Index, m.Length))
                {
                    return;
                }

                resume = Start + m.Index + m.Length;
            }
        }
        while (Next(cancellationToken));
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (_chars is { } chars)
        {
            _chars = null;
            ArrayPool<char>.Shared.Return(chars);
        }

        if (_bytes is { } bytes)
        {
            _bytes = null;
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Bytes read at a time: a quarter of a window at most, so that a window always moves on.</summary>
    private static int ChunkFor(int capacity) => Math.Min(ChunkBytes, capacity / 4);

    /// <summary>Reads and decodes until the buffer is full or the text ends.</summary>
    private void Fill(CancellationToken cancellationToken)
    {
        var chars = _chars!;
        var bytes = _bytes!;

        // UTF-8 never gives more characters than bytes, plus two for a sequence completed from the chunk before.
        while (!_ended && chars.Length - _filled >= bytes.Length + 2)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = _read < _limit ? _stream.Read(bytes, 0, (int)Math.Min(bytes.Length, _limit - _read)) : 0;
            if (n == 0)
            {
                // Invalid sequences became U+FFFD: a corrupt configuration file is still worth reading.
                _filled += _decoder.GetChars(bytes, 0, 0, chars, _filled, flush: true);
                _ended = true;
                break;
            }

            _read += n;
            _filled += _decoder.GetChars(bytes, 0, n, chars, _filled, flush: false);
        }

        IsLast = _ended;
        End = IsLast ? _filled : _filled - _sizes.Lookahead;
    }

    /// <summary>Called with the window, and the index and length of a match in it; returns whether to go on.</summary>
    public delegate bool MatchHandler(TextWindows window, int index, int length);

    /// <summary>How large a window is and how much of it is shared with its neighbours.</summary>
    public sealed record Sizes
    {
        public Sizes(int capacity, int lookback, int lookahead)
        {
            // A window must hold more than what it shares with its neighbours and a chunk of bytes, or it would not
            // move on.
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(capacity, lookback + lookahead + (capacity / 4) + 2);
            (Capacity, Lookback, Lookahead) = (capacity, lookback, lookahead);
        }

        public static Sizes Default { get; } = new(1 << 20, 16 << 10, 64 << 10);

        public int Capacity { get; }

        public int Lookback { get; }

        public int Lookahead { get; }
    }
}
