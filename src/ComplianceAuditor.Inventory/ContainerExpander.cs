using System.Globalization;
using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory.Compact;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Inventory;

/// <summary>
/// Opens the containers among a target's artifacts, recursively: recognises images by content, carves images out
/// of opaque blobs, extracts entries into the private work folder, and turns every entry into an artifact with its
/// virtual path (<c>fw.bin!/0x40000.squashfs!/usr/sbin/httpd</c>). Sequential and in path order, so the same input
/// always gives the same artifacts. Whatever could not be opened is noted and marks the inventory incomplete.
/// </summary>
internal sealed class ContainerExpander
{
    /// <summary>Trailing bytes after an image that still count as "the file is this image" (alignment padding).</summary>
    private const long PaddingSlack = 64 * 1024;

    private readonly AuditTarget _target;
    private readonly FormatRegistry _formats;
    private readonly UnpackBudget _budget;
    private readonly IExtractionSink _work;
    private readonly CancellationToken _ct;
    private readonly ExtractedPaths _paths;
    private readonly Dictionary<string, ContainerInfo> _containers = new(StringComparer.Ordinal);
    /// <summary>Entries waiting to be looked into, as indexes into <see cref="_added"/>: packed, not as objects.</summary>
    private readonly Queue<(int Added, int Depth, bool Carve, RecognizedImage? Known)> _queue = new();

    /// <summary>Where each container's entries (or a blob's carved images) start in <see cref="_added"/>: they are added together.</summary>
    private readonly List<int> _runStarts = [];

    /// <summary>Every artifact found inside a container (or carved), packed as it is found, in the order found.</summary>
    private readonly CompactArtifacts.Builder _added;

    public ContainerExpander(AuditTarget target, InventoryOptions options, IEnumerable<string> existingPaths, CancellationToken cancellationToken)
    {
        _target = target;
        _formats = options.Formats ?? throw new ArgumentException("no formats registered", nameof(options));
        _work = options.Sink ?? throw new ArgumentException("no extraction sink", nameof(options));
        _budget = new UnpackBudget(options.UnpackLimits);
        _ct = cancellationToken;
        _paths = new ExtractedPaths(existingPaths);
        _added = new CompactArtifacts.Builder(options.Records ?? BlockStore.InMemory());
    }

    /// <summary>Gives the blocks of what was found back to the store, once it has been merged; nothing can be read after.</summary>
    public void Release() => _added.Release();

    /// <summary>How many artifacts were found inside containers (or carved).</summary>
    public int AddedCount => _added.Count;

    public List<string> Notes { get; } = [];

    public bool Complete { get; private set; } = true;

    /// <summary>Opens what <paramref name="artifacts"/> contain; the target's root file of a firmware target is also carved.</summary>
    public void Expand(IReadOnlyList<Artifact> artifacts)
    {
        // Breadth first: the target's own files in order, then what they held, level by level. The files are visited
        // as they are read rather than queued, which is the same order without holding them all as objects.
        foreach (var artifact in artifacts)
        {
            _ct.ThrowIfCancellationRequested();
            if (Openable(artifact))
            {
                Visit(artifact, depth: 1, carve: artifact.IsTargetRoot && _target.Kind == TargetKind.Firmware, known: null);
            }
        }

        while (_queue.Count > 0)
        {
            _ct.ThrowIfCancellationRequested();
            var (added, depth, carve, known) = _queue.Dequeue();
            Visit(_added[added], depth, carve, known);
        }
    }

    /// <summary>The artifact with its container outcome attached, when it was one.</summary>
    public Artifact WithContainer(Artifact artifact) =>
        _containers.TryGetValue(artifact.Path, out var info) ? artifact with { Container = info } : artifact;

    /// <summary>
    /// What containers held (and what was carved), in path order and with container outcomes attached. Each
    /// container's entries were added together, so they are merged as sorted runs (<see cref="SortedRuns"/>): never
    /// the paths of every entry at once.
    /// </summary>
    public IEnumerable<Artifact> AddedInPathOrder()
    {
        foreach (var index in SortedRuns.InPathOrder(i => _added[i].Path, _runStarts, _added.Count))
        {
            yield return WithContainer(_added[index]);
        }
    }

    /// <summary>Packs a found artifact, queues it to be looked into when it may be a container, and returns its index.</summary>
    private int Add(Artifact artifact, int depth, bool carve, RecognizedImage? known, bool open = true)
    {
        var index = _added.Add(artifact);
        if (open && Openable(artifact))
        {
            _queue.Enqueue((index, depth, carve, known));
        }

        return index;
    }

    private static bool Openable(Artifact artifact) =>
        artifact.Content is not null && artifact.Size > 0 && artifact.Kind is ArtifactKind.Binary or ArtifactKind.Text;

    private void Visit(Artifact artifact, int depth, bool carve, RecognizedImage? known)
    {
        using var handle = Open(artifact, out var offset, out var length);
        if (handle is null)
        {
            return;
        }

        var source = UnpackSource.FromFile(artifact.Path, handle, offset, length);
        var images = known is not null ? [known with { Offset = 0, Length = length }] : Find(source, carve, artifact.Kind);
        if (images.Count == 0)
        {
            return;
        }

        if (images.Count == 1 && images[0].Offset == 0 && Covers(images[0], length))
        {
            OpenContainer(artifact, images[0], source, depth);
            return;
        }

        // Several images, or one that does not fill the file: each becomes a carved artifact named by its offset,
        // read in place from this file, and is opened in turn.
        var local = (artifact.Content as FileContent)?.LocalPath ?? (artifact.Content as WindowContent)?.File;
        var names = _paths.In(artifact.Path);
        _runStarts.Add(_added.Count);
        foreach (var image in images.Take(_budget.Limits.MaxCarvedPerBlob))
        {
            if (!_budget.TryTakeFile())
            {
                Incomplete(string.Create(CultureInfo.InvariantCulture,
                    $"{artifact.Path}: the limit of {_budget.Limits.MaxFiles} extracted entries per target (--max-unpack-files) was reached; images from 0x{image.Offset:x} on were not carved"));
                break;
            }

            var name = string.Create(CultureInfo.InvariantCulture, $"0x{image.Offset:x}.{image.Format.Format}");
            var template = new Artifact
            {
                Path = names.Unique(name),
                Target = _target.Name,
                RelativePath = name,
                Parent = artifact.Path,
                Offset = image.Offset,
                Kind = ArtifactKind.Binary,
                ExtractedBy = "carved (signature search)",
            };
            var carved = ArtifactReader.DescribeWindow(new WindowContent(local!, offset + image.Offset, image.Length), template, _ct);
            Add(carved, depth, carve: false, known: image);
        }
    }

    private List<RecognizedImage> Find(UnpackSource source, bool carve, ArtifactKind kind)
    {
        var atStart = Recognizer.AtStart(_formats, source);
        var binary = kind == ArtifactKind.Binary;

        // Where carving is allowed, the rest of a blob is searched even when an image starts at its first byte: after
        // its declared end (a device tree after a kernel) or, when its length is unknown (a gzip stream, jffs2),
        // anywhere. Elsewhere an image that fills the file is opened as it is.
        if (atStart is not null && Covers(atStart, source.Length) && !(carve && binary))
        {
            return [atStart];
        }

        // An image whose header says where it ends: only what follows it is searched (alignment padding, usually).
        if (atStart is { LengthKnown: true } && binary && Covers(atStart, source.Length))
        {
            var tail = source.Slice(atStart.Length, source.Length - atStart.Length);
            var after = Carver.Find(_formats, tail, _budget.Limits.MaxCarvedPerBlob, _ct);
            return [atStart, .. after.Select(i => i with { Offset = i.Offset + atStart.Length })];
        }

        // Text is only ever recognised whole (Intel HEX, S-record); carving is for binary blobs.
        if (!binary || (!carve && atStart is null))
        {
            return atStart is null ? [] : [atStart];
        }

        var limits = _budget.Limits;
        var carved = Carver.Find(_formats, source, limits.MaxCarvedPerBlob + 1, limits.MaxCarveChecks, out var exhausted, _ct).ToList();
        if (carved.Count > limits.MaxCarvedPerBlob)
        {
            Incomplete(string.Create(CultureInfo.InvariantCulture,
                $"{source.Name}: more than {limits.MaxCarvedPerBlob} embedded images found (--max-carved-images); only the first {limits.MaxCarvedPerBlob} were opened"));
        }

        if (exhausted)
        {
            Incomplete(string.Create(CultureInfo.InvariantCulture,
                $"{source.Name}: the search for embedded images stopped after {limits.MaxCarveChecks} candidate headers (--max-carve-checks); the rest of it was not searched"));
        }

        // At offset 0 the registration order decides, as everywhere else, not which reader owns the signature; and
        // formats without a carving signature (an ESP-IDF app image) are only ever found there.
        if (atStart is not null)
        {
            var zeroTaken = carved.Count > 0 && carved[0].Offset == 0;
            var next = carved.Skip(zeroTaken ? 1 : 0).Select(i => i.Offset).DefaultIfEmpty(source.Length).First();
            var first = atStart with { Length = Math.Min(atStart.Length, next) };
            if (zeroTaken)
            {
                carved[0] = first;
            }
            else
            {
                carved.Insert(0, first);
            }
        }

        return carved;
    }

    private static bool Covers(RecognizedImage image, long length) =>
        image.Offset == 0 && (!image.LengthKnown || image.Length >= length - PaddingSlack);

    private void OpenContainer(Artifact container, RecognizedImage image, UnpackSource source, int depth)
    {
        if (depth > _budget.Limits.MaxDepth)
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"{image.Format.Format} found but not opened: containers are nested deeper than the limit of {_budget.Limits.MaxDepth} (--max-unpack-depth)");
            Record(container, image, new ContainerReport { Format = image.Format.Format, Extractor = image.Format.Reader.Extractor, Description = image.Description, Status = ContainerStatus.TooDeep, Reason = reason });
            Incomplete($"{container.Path}: {reason}");
            return;
        }

        var opener = new ContainerOpener(_budget, _work, _work.CreateScratch);
        _runStarts.Add(_added.Count);
        var result = opener.Open(image, source, container.Path, Taker(container, image, depth), _ct);

        // A reader that recognised the image but cannot open it here (an old squashfs, say) hands over to the next
        // reader that accepts the same bytes, typically an installed external extractor.
        var tried = new HashSet<string>(StringComparer.Ordinal) { image.Format.Format };
        while (result.Report.Status == ContainerStatus.Unavailable
            && Recognizer.AtStart(_formats, source, tried) is { } next)
        {
            tried.Add(next.Format.Format);
            var retry = opener.Open(next with { Length = image.Length }, source, container.Path, Taker(container, next, depth), _ct);
            if (retry.Report.Status == ContainerStatus.Unavailable)
            {
                continue;
            }

            (image, result) = (next, retry with { Report = retry.Report with { Description = $"{retry.Report.Description}; {result.Report.Format}: {result.Report.Reason}" } });
        }

        Record(container, image, result.Report);
        foreach (var note in result.Notes)
        {
            Incomplete(note);
        }

        if (result.Report.Reason is { } why)
        {
            Incomplete($"{container.Path}: {image.Format.Format} {ContainerInfos.Status(result.Report.Status)}: {why}");
        }

    }

    /// <summary>
    /// Turns each entry of <paramref name="container"/> into an artifact as soon as the opener has extracted it.
    /// Only a reader that gave nothing is retried with another, so entries are never taken from two readers.
    /// </summary>
    private Action<ExtractedItem> Taker(Artifact container, RecognizedImage image, int depth)
    {
        var extractedBy = $"{image.Format.Format} ({image.Format.Reader.Extractor})";
        var names = _paths.In(container.Path);

        // Entries of this container by virtual path, as indexes into the packed list: a hard link names an entry of
        // its own container, so the lookup lives as long as the container is being read.
        var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
        Artifact? Extracted(string path) => byPath.TryGetValue(path, out var index) ? _added[index] : null;

        // A hard link has the same bytes as a file already queued: opening them again would multiply a bomb by its
        // links.
        return item =>
        {
            var artifact = EntryArtifacts.From(container, item, names.Unique(item.Path), _target.Name, extractedBy, Extracted, _ct);
            byPath[artifact.Path] = Add(artifact, depth + 1, image.Format.CarveChildren, known: null, open: item.Entry.Type != EntryType.HardLink);
        };
    }

    private static Microsoft.Win32.SafeHandles.SafeFileHandle? Open(Artifact artifact, out long offset, out long length)
    {
        (string? path, offset, length) = artifact.Content switch
        {
            FileContent f => (f.LocalPath, 0L, artifact.Size),
            WindowContent w => (w.File, w.Offset, w.Length),
            _ => (null, 0L, 0L),
        };
        if (path is null)
        {
            return null;
        }

        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Record(Artifact container, RecognizedImage image, ContainerReport report) =>
        _containers[container.Path] = ContainerInfos.From(image, report);

    private void Incomplete(string note)
    {
        Complete = false;
        Notes.Add(Core.Text.DisplayText.Sanitize(note, 600));
    }
}
