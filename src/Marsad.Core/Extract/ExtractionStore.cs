using Marsad.Core.Audit;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Extraction;
using Marsad.Extraction.Output;

namespace Marsad.Core.Extract;

/// <summary>The extraction store over ADO.NET.</summary>
internal sealed class ExtractionStore(SqlDialect dialect, TimeProvider time) : IExtractionStore
{
    public async Task<string?> CleanTextAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, "SELECT clean_text FROM extractions WHERE document_id = @doc ORDER BY extracted_at DESC LIMIT 1");
        command.AddParameter("@doc", documentId.ToString("D"));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IReadOnlyList<Guid>> OutdatedAsync(string engineVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM extractions x WHERE x.document_id = d.id AND x.engine_version = @version) ORDER BY d.received_at, d.id");
        command.AddParameter("@version", engineVersion);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    public async Task ProposeAsync(Guid documentId, string engineVersion, string recordKind, Guid recordId, string changes, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, "INSERT INTO extraction_proposals (document_id, engine_version, record_kind, record_id, changes, proposed_at) VALUES (@doc, @version, @kind, @id, @changes, @at)");
        command.AddParameter("@doc", documentId.ToString("D")).AddParameter("@version", engineVersion).AddParameter("@kind", recordKind)
            .AddParameter("@id", recordId.ToString("D")).AddParameter("@changes", changes).AddParameter("@at", RevisionHasher.FormatTime(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkExtractedAsync(Guid documentId, string engineVersion, ExtractionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginWriteAsync(connection, cancellationToken);
        await InsertExtractionAsync(connection, tx, documentId, engineVersion, result, RowSealer.Administrator("re-extracted"), time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(Guid DocumentId, string EngineVersion, string RecordKind, Guid RecordId, string Changes)>> ProposalsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, "SELECT document_id, engine_version, record_kind, record_id, changes FROM extraction_proposals ORDER BY id");
        var list = new List<(Guid, string, string, Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), Guid.Parse(reader.GetString(3)), reader.GetString(4)));
        }

        return list;
    }

    public async Task<bool> ExistsAsync(Guid documentId, string engineVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, "SELECT COUNT(*) FROM extractions WHERE document_id = @doc AND engine_version = @version");
        command.AddParameter("@doc", documentId.ToString("D")).AddParameter("@version", engineVersion);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public async Task<ExtractionCounts> SaveAsync(Guid documentId, string engineVersion, ExtractionResult result, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginWriteAsync(connection, cancellationToken);
        await using (var existing = connection.Sql(tx, "SELECT COUNT(*) FROM extractions WHERE document_id = @doc AND engine_version = @version"))
        {
            existing.AddParameter("@doc", documentId.ToString("D")).AddParameter("@version", engineVersion);
            if (Convert.ToInt64(await existing.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                await tx.RollbackAsync(cancellationToken);
                return new ExtractionCounts(0, 0, 0, 0, 0);
            }
        }

        var counts = await InsertAsync(connection, tx, documentId, engineVersion, result, context, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>
    /// The candidates and the extraction row, inside the caller's write transaction: <c>marsad worker</c> marks its
    /// work done in the same transaction, so a reading is committed together with the mark or not at all.
    /// </summary>
    internal static async Task<ExtractionCounts> InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, Guid documentId, string engineVersion, ExtractionResult result, ChangeContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        object[] candidates =
        [
            .. result.Events.Select(e => e with { DocumentIds = [documentId] }),
            .. result.Claims.Select(c => c with { DocumentIds = [documentId] }),
            .. result.Persons.Select(p => p with { DocumentIds = [documentId] }),
            .. result.Allegations.Select(a => a with { DocumentIds = [documentId] }),
        ];
        await using (var session = new WriteSession(connection, tx))
        {
            foreach (var candidate in candidates)
            {
                await RecordStore.InsertAsync(session, candidate, context, now, cancellationToken);
            }
        }

        await InsertExtractionAsync(connection, tx, documentId, engineVersion, result, context, now, cancellationToken);
        return new ExtractionCounts(result.Events.Length, result.Claims.Length, result.Persons.Length, result.Allegations.Length, result.Checks.Length);
    }

    private static async Task InsertExtractionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, Guid documentId, string engineVersion, ExtractionResult result, ChangeContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = connection.Sql(tx, """
            INSERT INTO extractions (document_id, engine_version, extracted_at, clean_text, result, events, claims, persons, allegations, checks)
            VALUES (@doc, @version, @at, @text, @result, @events, @claims, @persons, @allegations, @checks)
            ON CONFLICT (document_id, engine_version) DO UPDATE SET extracted_at = excluded.extracted_at, clean_text = excluded.clean_text,
                result = excluded.result, events = excluded.events, claims = excluded.claims, persons = excluded.persons,
                allegations = excluded.allegations, checks = excluded.checks
            """);
        // The same engine reads a document again when its publication date is set later (documents set-date): the row
        // then holds the new reading, sealed as an update.
        insert.AddParameter("@doc", documentId.ToString("D")).AddParameter("@version", engineVersion).AddParameter("@at", RevisionHasher.FormatTime(now))
            .AddParameter("@text", result.CleanText).AddParameter("@result", ContractJsonWriter.ToJson(result))
            .AddParameter("@events", result.Events.Length).AddParameter("@claims", result.Claims.Length).AddParameter("@persons", result.Persons.Length)
            .AddParameter("@allegations", result.Allegations.Length).AddParameter("@checks", result.Checks.Length);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await using var session = new WriteSession(connection, tx);
        await RowSealer.SealAsync(session, SealedTable.Extractions, "document_id = @doc AND engine_version = @version",
            [("@doc", documentId.ToString("D")), ("@version", engineVersion)], context, now, cancellationToken);
    }
}
