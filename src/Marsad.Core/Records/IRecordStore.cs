using Marsad.Core.Storage;

namespace Marsad.Core.Records;

/// <summary>
/// Events, claims, persons and allegations: every insert and update writes a revision to the audit
/// chain in the same transaction; updates name the version they edited and fail if it moved on.
/// </summary>
public interface IRecordStore
{
    Task<StoredRecord<T>> AddAsync<T>(T record, ChangeContext context, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Saves <paramref name="record"/> over version <paramref name="expectedVersion"/>; throws <see cref="ConcurrencyConflictException"/> if someone saved in between.</summary>
    Task<StoredRecord<T>> UpdateAsync<T>(T record, long expectedVersion, ChangeContext context, CancellationToken cancellationToken = default) where T : class;

    /// <summary>
    /// Saves many records in one transaction (bulk work such as corroboration), each with its revision:
    /// all or none. If any record's version moved on, <see cref="ConcurrencyConflictException"/> and nothing is saved.
    /// </summary>
    Task UpdateManyAsync<T>(IReadOnlyList<(T Record, long ExpectedVersion, ChangeContext Context)> updates, CancellationToken cancellationToken = default) where T : class;

    /// <summary>
    /// Saves records of any kind, new and changed, in one transaction: each <see cref="RecordSave"/> with no expected
    /// version is inserted, the others update the version named. Each is its own revision; all or none (a reshaping
    /// of review, such as a split that edits one event and adds others). Returns the new versions in order.
    /// </summary>
    Task<IReadOnlyList<long>> SaveManyAsync(IReadOnlyList<RecordSave> saves, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a stream of records in one write transaction (a dataset import): a new id is inserted; for an id already
    /// stored, <paramref name="merge"/> gets (incoming, stored) and returns what to save, or null to leave it. Then
    /// <paramref name="sweep"/>, when given, sees each stored record it selects and may replace it (records a sync withdraws).
    /// Every change is a revision; all or nothing.
    /// </summary>
    Task<UpsertCounts> UpsertManyAsync<T>(IAsyncEnumerable<T> records, Func<T, T, T?> merge, RecordSweep<T>? sweep, ChangeContext context, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Starts a bulk rewrite: one write transaction, read and written in storage order.</summary>
    Task<IBulkRewrite> BeginBulkRewriteAsync(CancellationToken cancellationToken = default);

    /// <summary>The records with these ids that exist.</summary>
    Task<IReadOnlyDictionary<Guid, StoredRecord<T>>> GetManyAsync<T>(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) where T : class;

    Task<StoredRecord<T>?> GetAsync<T>(Guid id, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Every record linked to the document: (kind, id), kind being event, claim, person or allegation.</summary>
    Task<IReadOnlyList<(string Kind, Guid Id)>> OfDocumentAsync(Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records of this kind still at status extracted and standing on their own, selected in the query
    /// rather than after reading every record; with <paramref name="documentId"/>, only those linked to that document.
    /// </summary>
    Task<IReadOnlyList<StoredRecord<T>>> PendingAsync<T>(Guid? documentId = null, CancellationToken cancellationToken = default) where T : class;

    Task<IReadOnlyList<StoredRecord<T>>> ListAsync<T>(int limit = 1000, CancellationToken cancellationToken = default) where T : class;
}

/// <summary>One record to save in <see cref="IRecordStore.SaveManyAsync"/>: inserted when <see cref="ExpectedVersion"/> is null.</summary>
public sealed record RecordSave(object Record, long? ExpectedVersion, ChangeContext Context);
