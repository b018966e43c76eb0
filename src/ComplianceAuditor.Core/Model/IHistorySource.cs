namespace ComplianceAuditor.Core.Model;

/// <summary>
/// What a target's history added, read on demand: the engine streams it once through the rules that ask for history
/// (<c>appliesTo.history</c>), so the content of thousands of commits is never held at once.
/// </summary>
public interface IHistorySource
{
    /// <summary>What will be read, for the report ("every commit of every branch and tag", "since v1.2").</summary>
    string Scope { get; }

    /// <summary>
    /// Reads the history and hands each piece to <paramref name="onItem"/> as an artifact with <see cref="Artifact.History"/>
    /// set and its content in memory, in a fixed order (the same repository gives the same sequence). Never throws for bad
    /// input: what could not be read is named in the returned summary. <paramref name="onItem"/> may block to slow the
    /// reader down.
    /// </summary>
    HistoryRun Read(Action<Artifact> onItem, CancellationToken cancellationToken);
}
