namespace Marsad.Core.Records;

/// <summary>
/// A bulk upsert's inserts gathered and written together on an engine reached over the network, in the order they were
/// added (see <see cref="Storage.SqlDialect.PendingInserts"/>). The caller flushes before it runs anything else on the
/// session (a look-up may ask for a gathered record) and before committing; disposing without a flush abandons what is
/// gathered (the transaction is then rolled back).
/// </summary>
internal interface IPendingInserts : IAsyncDisposable
{
    Task AddAsync(PreparedInsert insert, CancellationToken cancellationToken);

    /// <summary>Writes the gathered inserts; their revisions take the chain's next sequences in order.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
