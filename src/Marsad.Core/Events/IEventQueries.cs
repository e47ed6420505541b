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
    /// The same events as <see cref="ListAsync"/>, each as its stored JSON (already masked for the role), for
    /// callers that pass events on as JSON: no parsing and writing again of what the database holds as JSON.
    /// </summary>
    Task<IReadOnlyList<EventJson>> ListJsonAsync(EventQuery query, Role role, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes whenever anything a listing shows <paramref name="role"/> may have changed: the audit chain's head (every
    /// record change writes a revision) and the confidential source names. For a role that sees published events only,
    /// the head moves on only with a revision that can reach them (not a coder's decision on a proposal, which stays
    /// unpublished). Caches key on it.
    /// </summary>
    Task<string> DataVersionAsync(Role role, CancellationToken cancellationToken = default);

    /// <summary>One event with its masked sources, or null when it does not exist or the role may not see it (the public: published and not merged away).</summary>
    Task<EventListItem?> FindAsync(Guid id, Role role, CancellationToken cancellationToken = default);

    /// <summary>Every event the query matches, read page by page (the query's limit sets nothing here): for exports of any size in constant memory.</summary>
    IAsyncEnumerable<EventListItem> StreamAsync(EventQuery query, Role role, CancellationToken cancellationToken = default);

    /// <summary>The events of <see cref="StreamAsync"/>, each as its stored JSON (masked for the role): exports that write JSON pass it on unparsed.</summary>
    IAsyncEnumerable<EventJson> StreamJsonAsync(EventQuery query, Role role, CancellationToken cancellationToken = default);

    /// <summary>Events a sync client should drop since <paramref name="since"/> (all when null), oldest change first.</summary>
    Task<IReadOnlyList<EventDeletion>> DeletionsAsync(long after, DateTimeOffset? since, Role role, int limit, CancellationToken cancellationToken = default);

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
