using System.Globalization;
using Marsad.Core.Storage;
using Marsad.Domain.Audit;

namespace Marsad.Core.Audit;

/// <summary>The audit chain over ADO.NET; the same SQL runs on every engine the dialect supports.</summary>
internal sealed class AuditLog(SqlDialect dialect) : IAuditLog
{
    private const string Columns = "seq, entity_type, entity_id, action, author, at, reason, changes, state_sha256, prev_hash, hash";

    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var lastState = new Dictionary<(string Type, string Id), (long Seq, string State)>();
        var expectedPrevious = Revision.GenesisHash;
        long expectedSequence = 1;
        AuditFailure? failure = null;

        await using (var command = connection.Sql(null, $"SELECT {Columns} FROM revisions ORDER BY seq"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (failure is null && await reader.ReadAsync(cancellationToken))
            {
                var seq = reader.GetInt64(0);
                var type = reader.GetString(1);
                var id = reader.GetString(2);
                failure = CheckRow(reader, seq, type, id, expectedSequence, expectedPrevious);
                if (failure is null)
                {
                    expectedPrevious = reader.GetString(10);
                    lastState[(type, id)] = (seq, reader.GetString(8));
                    expectedSequence = seq + 1;
                    if (seq % 10_000 == 0)
                    {
                        progress?.Report(seq);
                    }
                }
            }
        }

        // Stored rows are compared with the chain only once the chain itself holds: a broken chain seals nothing after the break.
        IReadOnlyList<AuditFailure> failures = failure is null ? await new StoredStateCheck(connection, lastState).RunAsync(cancellationToken) : [failure];
        return new AuditVerification(expectedSequence - 1, expectedPrevious, failures.FirstOrDefault()) { Failures = failures };
    }

    public async Task<IReadOnlyList<Revision>> ListAsync(Guid? entityId = null, int limit = 1000, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, entityId is null
            ? $"SELECT {Columns} FROM revisions ORDER BY seq DESC LIMIT @limit"
            : $"SELECT {Columns} FROM revisions WHERE entity_id = @id ORDER BY seq DESC LIMIT @limit");
        command.AddParameter("@limit", limit).AddParameter("@id", entityId?.ToString("D"));
        var revisions = new List<Revision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            revisions.Add(new Revision(
                reader.GetInt64(0), reader.GetString(1), Guid.Parse(reader.GetString(2)), RevisionHasher.ParseAction(reader.GetString(3)),
                reader.GetString(4), DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture), reader.GetStringOrNull(6),
                reader.GetString(7), reader.GetString(9), reader.GetString(10)));
        }

        revisions.Reverse();
        return revisions;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, "SELECT COUNT(*) FROM revisions");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<string?> HashAtAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, "SELECT hash FROM revisions WHERE seq = @seq");
        command.AddParameter("@seq", sequence);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static AuditFailure? CheckRow(System.Data.Common.DbDataReader reader, long seq, string type, string id, long expectedSequence, string expectedPrevious)
    {
        if (seq != expectedSequence)
        {
            return new AuditFailure(seq, type, id, $"sequence jumps from {expectedSequence - 1} to {seq}: revisions are missing");
        }

        var previous = reader.GetString(9);
        if (!string.Equals(previous, expectedPrevious, StringComparison.Ordinal))
        {
            return new AuditFailure(seq, type, id, "previous-hash link does not match the revision before it");
        }

        if (!Guid.TryParse(id, out var entityId) || !DateTimeOffset.TryParse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return new AuditFailure(seq, type, id, "entity id or time is malformed");
        }

        RevisionAction action;
        try
        {
            action = RevisionHasher.ParseAction(reader.GetString(3));
        }
        catch (FormatException ex)
        {
            return new AuditFailure(seq, type, id, ex.Message);
        }

        var recomputed = RevisionHasher.Hash(seq, type, entityId, action, reader.GetString(4), at, reader.GetStringOrNull(6), reader.GetString(7), reader.GetString(8), previous);
        return string.Equals(recomputed, reader.GetString(10), StringComparison.Ordinal)
            ? null
            : new AuditFailure(seq, type, id, "content does not match its hash: the revision was altered");
    }

    internal const string DocumentStateType = "document";
}
