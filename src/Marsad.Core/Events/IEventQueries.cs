using Marsad.Core.Access;
using Marsad.Core.Corroboration;

namespace Marsad.Core.Events;

/// <summary>
/// Reads events for people and exports. The role is applied here, in the query layer, so that no
/// output format or page can show the public what it may not see.
/// </summary>
public interface IEventQueries
{
    Task<IReadOnlyList<EventListItem>> ListAsync(EventQuery query, Role role, CancellationToken cancellationToken = default);

    /// <summary>
    /// What corroboration compares, for every event still standing on its own (not merged away, not
    /// rejected), read from columns without opening payloads. Sources are names (a document's id when it has none).
    /// </summary>
    Task<IReadOnlyList<EventSignature>> SignaturesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Every event still standing on its own, with its signature, status and documents, and the audit
    /// chain's head, all read in one transaction: what a corroboration run plans from.
    /// </summary>
    Task<EventSnapshot> SnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>The distinct sources behind these documents, unmasked: for grading, never for output.</summary>
    Task<IReadOnlyList<string>> SourceNamesAsync(IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken = default);
}
