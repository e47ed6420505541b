namespace Marsad.Core.Records;

/// <summary>
/// One write transaction for changing a few fields of many records of a kind (bulk work such as
/// corroboration over a million events). Rows are read and patched in storage order, as stored JSON
/// that is never turned into objects, and every change is still a revision in the chain. Nothing is
/// saved unless <see cref="CommitAsync"/> is called; other writers wait meanwhile.
/// </summary>
public interface IBulkRewrite : IAsyncDisposable
{
    /// <summary>Records of this kind with a revision after <paramref name="revision"/>: changed since a snapshot taken at that head of the chain.</summary>
    Task<IReadOnlySet<Guid>> ChangedSinceAsync<T>(long revision, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Every record of this kind that <paramref name="wanted"/> picks by id, in storage order, at its current version.</summary>
    IAsyncEnumerable<StoredJson> ReadAsync<T>(Func<Guid, bool> wanted, CancellationToken cancellationToken = default) where T : class;

    /// <summary>
    /// Sets top-level fields of one record read here (a null value removes the field, as the store
    /// writes nulls) and writes the revision. Each value must be one the record type accepts for that
    /// field; fields a query column is computed from may only be set where the column follows directly.
    /// A patch that changes nothing is not a revision.
    /// </summary>
    Task PatchAsync<T>(StoredJson record, IReadOnlyList<FieldValue> fields, Storage.ChangeContext context, CancellationToken cancellationToken = default) where T : class;

    Task CommitAsync(CancellationToken cancellationToken = default);
}

/// <summary>A record as stored: its id, version, and payload JSON.</summary>
public sealed record StoredJson(Guid Id, long Version, string Payload)
{
    /// <summary>Where the row lies in storage order: the patch goes straight to it instead of through the id index.</summary>
    internal long Row { get; init; }
}

/// <summary>A top-level field of a record's payload and the value to give it (null: none).</summary>
public readonly record struct FieldValue(string Name, object? Value);
