using Marsad.Core.Storage;
using Marsad.Domain.Audit;

namespace Marsad.Core.Audit;

/// <summary>
/// Appends a revision to the chain inside the caller's write transaction, so the change and its
/// revision commit together or not at all. The dialect's write transaction serialises appenders.
/// </summary>
internal static class RevisionWriter
{
    /// <summary>The revision row's columns; a bulk load of revisions writes <see cref="NextAsync"/>'s values under them.</summary>
    public static readonly string[] Columns = ["seq", "entity_type", "entity_id", "action", "author", "at", "reason", "changes", "state_sha256", "prev_hash", "hash"];

    /// <summary>The parameters of <see cref="InsertSql"/>, one a column, in <see cref="Columns"/>' order.</summary>
    public static readonly string[] Parameters = ["@seq", "@type", "@id", "@action", "@author", "@at", "@reason", "@changes", "@state", "@prev", "@hash"];

    /// <summary>The revision row's INSERT; its parameters are <see cref="Parameters"/>, in order.</summary>
    public static readonly string InsertSql = $"INSERT INTO revisions ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Parameters)})";

    public static async Task AppendAsync(
        WriteSession session,
        string entityType,
        Guid entityId,
        RevisionAction action,
        ChangeContext context,
        string changes,
        string stateSha256,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var values = await NextAsync(session, entityType, entityId, action, context, changes, stateSha256, at, cancellationToken);
        var insert = session.Statement(InsertSql);
        for (var i = 0; i < values.Length; i++)
        {
            insert.Set(i, values[i]);
        }

        await insert.ExecuteAsync(cancellationToken);
    }

    /// <summary>
    /// Appends one revision per entry, in order. Over the network (a connection with batches) they go as one round trip:
    /// a writer holds the chain's lock while it appends, so every round trip there is time all other writers wait.
    /// </summary>
    public static async Task AppendManyAsync(
        WriteSession session,
        IReadOnlyList<(string EntityType, Guid EntityId, RevisionAction Action, string Changes, string StateSha256)> revisions,
        ChangeContext context,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (revisions.Count < 2 || !session.Connection.CanCreateBatch)
        {
            foreach (var (type, id, action, changes, state) in revisions)
            {
                await AppendAsync(session, type, id, action, context, changes, state, at, cancellationToken);
            }

            return;
        }

        await using var batch = session.Connection.CreateBatch();
        batch.Transaction = session.Transaction;
        foreach (var (type, id, action, changes, state) in revisions)
        {
            var values = await NextAsync(session, type, id, action, context, changes, state, at, cancellationToken);
            var command = batch.CreateBatchCommand();
            command.CommandText = InsertSql;
            for (var i = 0; i < Parameters.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = Parameters[i];
                parameter.Value = values[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The next revision's values in <see cref="Parameters"/>' order, its sequence and hash following the session's head,
    /// which moves past it: the caller writes it before anything else appends (a batch of inserts writes them in order).
    /// </summary>
    public static async Task<object?[]> NextAsync(
        WriteSession session,
        string entityType,
        Guid entityId,
        RevisionAction action,
        ChangeContext context,
        string changes,
        string stateSha256,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        long previousSequence = 0;
        var previousHash = Revision.GenesisHash;
        if (session.Head is { } known)
        {
            (previousSequence, previousHash) = known;
        }
        else
        {
            await using var reader = await session.Command("SELECT seq, hash FROM revisions ORDER BY seq DESC LIMIT 1").ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                previousSequence = reader.GetInt64(0);
                previousHash = reader.GetString(1);
            }
        }

        var sequence = previousSequence + 1;
        var hash = RevisionHasher.Hash(sequence, entityType, entityId, action, context.Author, at, context.Reason, changes, stateSha256, previousHash);
        session.Head = (sequence, hash);
        return
        [
            sequence, entityType, entityId.ToString("D"), RevisionHasher.ActionName(action), context.Author, RevisionHasher.FormatTime(at),
            context.Reason, changes, stateSha256, previousHash, hash,
        ];
    }
}
