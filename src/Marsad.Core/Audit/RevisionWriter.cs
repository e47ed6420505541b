using Marsad.Core.Storage;
using Marsad.Domain.Audit;

namespace Marsad.Core.Audit;

/// <summary>
/// Appends a revision to the chain inside the caller's write transaction, so the change and its
/// revision commit together or not at all. The dialect's write transaction serialises appenders.
/// </summary>
internal static class RevisionWriter
{
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
        var insert = session.Statement("""
            INSERT INTO revisions (seq, entity_type, entity_id, action, author, at, reason, changes, state_sha256, prev_hash, hash)
            VALUES (@seq, @type, @id, @action, @author, @at, @reason, @changes, @state, @prev, @hash)
            """);
        insert.Set(0, sequence);
        insert.Set(1, entityType);
        insert.Set(2, entityId.ToString("D"));
        insert.Set(3, RevisionHasher.ActionName(action));
        insert.Set(4, context.Author);
        insert.Set(5, RevisionHasher.FormatTime(at));
        insert.Set(6, context.Reason);
        insert.Set(7, changes);
        insert.Set(8, stateSha256);
        insert.Set(9, previousHash);
        insert.Set(10, hash);
        await insert.ExecuteAsync(cancellationToken);
        session.Head = (sequence, hash);
    }
}
