using Marsad.Core.Storage;

namespace Marsad.Core.Records;

/// <summary>
/// A bulk upsert's inserts on an engine reached over the network (PostgreSQL): each record's statements (its row,
/// its document links, its revision) are gathered and sent <see cref="Rows"/> records at a time as one batch, one
/// round trip, in the order they would have run. Run one by one, the two round trips a row held an import of 23,348
/// rows to some 220 rows a second. The caller flushes before it runs anything else on the session (a look-up may
/// ask for a gathered record) and before committing. Null where the connection has no batches (SQLite is in-process:
/// a statement costs no round trip there).
/// </summary>
internal sealed class BatchedInserts : IPendingInserts
{
    private const int Rows = 256;
    private readonly WriteSession _session;
    private readonly ChangeContext _context;
    private readonly DateTimeOffset _now;
    private readonly List<PreparedInsert> _pending = new(Rows);

    private BatchedInserts(WriteSession session, ChangeContext context, DateTimeOffset now)
    {
        _session = session;
        _context = context;
        _now = now;
    }

    public static BatchedInserts? For(WriteSession session, ChangeContext context, DateTimeOffset now) =>
        session.Connection.CanCreateBatch ? new BatchedInserts(session, context, now) : null;

    public async Task AddAsync(PreparedInsert insert, CancellationToken cancellationToken)
    {
        _pending.Add(insert);
        if (_pending.Count >= Rows)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Sends the gathered inserts; their revisions take the chain's next sequences in order.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await using var batch = _session.Connection.CreateBatch();
        batch.Transaction = _session.Transaction;
        foreach (var insert in _pending)
        {
            foreach (var (sql, names, values) in await RecordStore.InsertStatementsAsync(_session, insert, _context, _now, cancellationToken))
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                for (var i = 0; i < names.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = names[i];
                    parameter.Value = values[i] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }
        }

        _pending.Clear();
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
