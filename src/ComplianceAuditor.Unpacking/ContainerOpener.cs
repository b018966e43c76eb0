using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Unpacking;

/// <summary>
/// Opens one recognised container: runs its reader, refuses unsafe paths, writes file content through a sink while
/// counting every byte against the limits, and turns whatever goes wrong into a status and a reason. The reader's
/// declared sizes are never trusted; the bytes actually read are what count.
/// </summary>
public sealed class ContainerOpener(UnpackBudget budget, IExtractionSink sink, Func<string> scratch)
{
    private UnpackBudget Budget { get; } = budget;

    private IExtractionSink Sink { get; } = sink;

    private Func<string> Scratch { get; } = scratch;

    private const int MaxNotesPerContainer = 20;

    /// <summary>One write per 128 KiB block, the usual squashfs block size, rather than two.</summary>
    private const int CopyBufferBytes = 1 << 17;

    /// <summary>Opens <paramref name="image"/>, whose bytes are <paramref name="source"/>, named <paramref name="containerPath"/> in reports.</summary>
    /// <param name="onItem">
    /// Takes each entry as soon as it is extracted, so an image with tens of thousands of files is never held whole.
    /// </param>
    public ContainerResult Open(RecognizedImage image, UnpackSource source, string containerPath, Action<ExtractedItem> onItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(onItem);
        var run = new Run(this, image, source, containerPath, onItem, cancellationToken);
        try
        {
            return run.Execute();
        }
        catch (TakerFailedException e)
        {
            // The caller's own failure, not the reader's: it leaves as what it was.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException!);
            throw;
        }
    }

    /// <summary>Carries an exception thrown by the caller's entry callback past the handlers meant for readers.</summary>
    private sealed class TakerFailedException(Exception inner) : Exception(inner.Message, inner);

    /// <summary>A limit was hit: stop this container, say which limit and where.</summary>
    private sealed class LimitReachedException(string message) : Exception(message);

    /// <summary>One file is over the per-file limit: that file is left out, the container goes on.</summary>
    private sealed class FileTooLargeException(string message) : Exception(message);

    private sealed class Run(ContainerOpener owner, RecognizedImage image, UnpackSource source, string containerPath, Action<ExtractedItem> onItem, CancellationToken ct)
    {
        private int _count;
        private readonly List<string> _notes = [];
        private int _suppressedNotes;
        private long _bytes;

        private UnpackLimits Limits => owner.Budget.Limits;

        public ContainerResult Execute()
        {
            var reader = image.Format.Reader;
            var context = new UnpackContext(Limits, owner.Scratch, Note, ct);
            ContainerStatus status;
            string? reason = null;
            try
            {
                foreach (var entry in reader.Read(source, context))
                {
                    ct.ThrowIfCancellationRequested();
                    Take(entry);
                }

                status = ContainerStatus.Opened;
            }
            catch (LimitReachedException e)
            {
                (status, reason) = (ContainerStatus.Partial, e.Message);
            }
            catch (ReaderUnavailableException e)
            {
                (status, reason) = (_count == 0 ? ContainerStatus.Unavailable : ContainerStatus.Partial, e.Message);
            }
            catch (Exception e) when (e is UnpackException or IOException or InvalidDataException or EndOfStreamException or NotSupportedException)
            {
                // IOException here is the sink (disk full, say) or a library that reports corrupt data as I/O.
                (status, reason) = (_count == 0 ? ContainerStatus.Failed : ContainerStatus.Partial, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException and not TakerFailedException)
            {
                // A reader (or a library under it) that breaks on a malformed image some other way loses that container,
                // not the whole audit; the exception's type stays in the reason so the bug is not hidden.
                (status, reason) = (_count == 0 ? ContainerStatus.Failed : ContainerStatus.Partial,
                    $"{image.Format.Format} reader error: {e.GetType().Name}: {e.Message}");
            }

            if (_suppressedNotes > 0)
            {
                _notes.Add(string.Create(CultureInfo.InvariantCulture, $"{containerPath}: and {_suppressedNotes} more problem(s) of the same kind"));
            }

            var report = new ContainerReport
            {
                Format = image.Format.Format,
                Extractor = reader.Extractor,
                Description = image.Description,
                Status = status,
                Entries = _count,
                BytesExtracted = _bytes,
                Reason = reason,
            };
            return new ContainerResult(report, _notes);
        }

        private void Note(string text)
        {
            if (_notes.Count < MaxNotesPerContainer)
            {
                _notes.Add($"{containerPath}: {text}");
            }
            else
            {
                _suppressedNotes++;
            }
        }

        private void Take(UnpackedEntry entry)
        {
            var (path, refusal) = EntryPaths.Normalize(entry.Path);
            if (path is null)
            {
                // The root directory entry of an archive ("./") is ordinary; anything else refused is worth a note.
                if (entry.Type != EntryType.Directory || refusal != EntryPaths.RootRefusal)
                {
                    Note($"entry '{Core.Text.DisplayText.Sanitize(entry.Path, 200)}' was not extracted: {refusal}");
                }

                return;
            }

            if (!owner.Budget.TryTakeFile())
            {
                throw new LimitReachedException(string.Create(CultureInfo.InvariantCulture,
                    $"the limit of {Limits.MaxFiles} extracted entries per target (--max-unpack-files) was reached in {containerPath}; the rest was not extracted"));
            }

            if (entry.Type != EntryType.File || entry.Open is null)
            {
                Keep(new ExtractedItem(entry, path, null, entry.Type == EntryType.File ? "the container gives no content for this file" : null));
                return;
            }

            Keep(Extract(entry, path));
        }

        private void Keep(ExtractedItem item)
        {
            _count++;
            try
            {
                onItem(item);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new TakerFailedException(e);
            }
        }

        private ExtractedItem Extract(UnpackedEntry entry, string path)
        {
            var (output, local) = owner.Sink.Create($"{containerPath}!/{path}");
            var ok = false;
            try
            {
                ExtractedContent content;
                using (output)
                {
                    using var input = OpenContent(entry, path);
                    content = Copy(input, output, path);
                }

                ok = true;
                return new ExtractedItem(entry, path, local, null) { Content = content };
            }
            catch (UnpackException e)
            {
                // One unreadable file does not end the container: the entry is kept, without content, with the reason.
                Note($"'{path}' could not be read: {e.Message}");
                return new ExtractedItem(entry, path, null, e.Message);
            }
            catch (FileTooLargeException e)
            {
                // Nor does one huge file: the rest of the file system is still worth reading.
                Note(e.Message);
                return new ExtractedItem(entry, path, null, e.Message);
            }
            finally
            {
                if (!ok)
                {
                    TryDelete(local);
                }
            }
        }

        /// <summary>
        /// Copies the content, hashing it and keeping its first bytes on the way: the inventory needs both, and reading
        /// every extracted file a second time for them cost as much as extracting it.
        /// </summary>
        private ExtractedContent Copy(Stream input, Stream output, string path)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
            var head = ArrayPool<byte>.Shared.Rent(ContentSniffer.HeadBytes);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            try
            {
                long written = 0;
                var headLength = 0;
                int read;
                while ((read = ReadSome(input, buffer, path)) > 0)
                {
                    ct.ThrowIfCancellationRequested();
                    written += read;
                    _bytes += read;
                    CheckLimits(written, read, path);
                    output.Write(buffer, 0, read);
                    sha.AppendData(buffer, 0, read);
                    var take = Math.Min(read, ContentSniffer.HeadBytes - headLength);
                    buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                    headLength += take;
                }

                return new ExtractedContent(written, Convert.ToHexStringLower(sha.GetHashAndReset()), ContentSniffer.Detect(head.AsSpan(0, headLength)));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
                ArrayPool<byte>.Shared.Return(head);
            }
        }

        private static Stream OpenContent(UnpackedEntry entry, string path)
        {
            try
            {
                return entry.Open!();
            }
            catch (Exception e) when (IsCorruptContent(e))
            {
                // A decompressor may already fail on its first header; that too is one unreadable file, not a broken container.
                throw new UnpackException($"'{path}': {e.Message}", e);
            }
        }

        private static int ReadSome(Stream input, byte[] buffer, string path)
        {
            try
            {
                // Decompressing streams often return less than asked: fill the buffer, one write per buffer.
                return input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            }
            catch (Exception e) when (IsCorruptContent(e))
            {
                throw new UnpackException($"'{path}': {e.Message}", e);
            }
        }

        /// <summary>Third-party decompressors report corrupt input in many ways; all of them mean "this file is unreadable".</summary>
        private static bool IsCorruptContent(Exception e) =>
            e is InvalidDataException or IOException or EndOfStreamException or IndexOutOfRangeException or ArgumentException or NotSupportedException;

        private void CheckLimits(long fileBytes, int justRead, string path)
        {
            if (fileBytes > Limits.MaxFileBytes)
            {
                throw new FileTooLargeException(string.Create(CultureInfo.InvariantCulture,
                    $"'{path}' is larger than the limit of {Limits.MaxFileBytes} bytes per file (--max-unpack-file-bytes) and was not extracted"));
            }

            if (!owner.Budget.TryTakeBytes(justRead))
            {
                throw new LimitReachedException(string.Create(CultureInfo.InvariantCulture,
                    $"the limit of {Limits.MaxTotalBytes} extracted bytes per target (--max-unpack-bytes) was reached at '{path}' in {containerPath}"));
            }

            if (_bytes > Limits.RatioFloorBytes && _bytes > Limits.MaxRatio * Math.Max(1, source.Length))
            {
                throw new LimitReachedException(string.Create(CultureInfo.InvariantCulture,
                    $"{containerPath} expanded to more than {Limits.MaxRatio} times its size of {source.Length} bytes (--max-unpack-ratio) at '{path}': a decompression bomb, or a limit to raise"));
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The work folder is removed as a whole at the end anyway.
            }
        }
    }
}
