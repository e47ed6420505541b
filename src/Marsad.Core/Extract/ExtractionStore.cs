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
        await using (var session = new WriteSession(connection, tx))
        {
            await InsertManyAsync(session, engineVersion, [(documentId, result)], context, now, cancellationToken);
        }

        return new ExtractionCounts(result.Events.Length, result.Claims.Length, result.Persons.Length, result.Allegations.Length, result.Checks.Length);
    }

    /// <summary>
    /// Several documents' first readings (candidates, then the extraction rows and their seals) inside the caller's write
    /// transaction. Over the network the statements go in batches, a few round trips for all of them: the writer holds
    /// the chain's lock meanwhile, and a round trip per statement (some thirty a document) kept other writers waiting.
    /// </summary>
    internal static async Task InsertManyAsync(WriteSession session, string engineVersion, IReadOnlyList<(Guid DocumentId, ExtractionResult Result)> readings, ChangeContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (readings.Count == 0)
        {
            return;
        }

        var batched = BatchedInserts.For(session, context, now);
        foreach (var (documentId, result) in readings)
        {
            object[] candidates =
            [
                .. result.Events.Select(e => e with { DocumentIds = [documentId] }),
                .. result.Claims.Select(c => c with { DocumentIds = [documentId] }),
                .. result.Persons.Select(p => p with { DocumentIds = [documentId] }),
                .. result.Allegations.Select(a => a with { DocumentIds = [documentId] }),
            ];
            foreach (var candidate in candidates)
            {
                var prepared = PreparedInsert.Of(candidate);
                if (batched is null)
                {
                    await RecordStore.InsertAsync(session, prepared, context, now, cancellationToken);
                }
                else
                {
                    await batched.AddAsync(prepared, cancellationToken);
                }
            }
        }

        if (batched is not null)
        {
            await batched.FlushAsync(cancellationToken);
        }

        await WriteExtractionRowsAsync(session, engineVersion, readings, now, cancellationToken);
        var names = readings.Select((_, i) => "@doc" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        await RowSealer.SealAsync(session, SealedTable.Extractions, $"engine_version = @version AND document_id IN ({string.Join(", ", names)})",
            [("@version", engineVersion), .. readings.Select((r, i) => (names[i], (object?)r.DocumentId.ToString("D")))], context, now, cancellationToken);
    }

    private const string InsertExtractionSql = """
        INSERT INTO extractions (document_id, engine_version, extracted_at, clean_text, result, events, claims, persons, allegations, checks)
        VALUES (@doc, @version, @at, @text, @result, @events, @claims, @persons, @allegations, @checks)
        ON CONFLICT (document_id, engine_version) DO UPDATE SET extracted_at = excluded.extracted_at, clean_text = excluded.clean_text,
            result = excluded.result, events = excluded.events, claims = excluded.claims, persons = excluded.persons,
            allegations = excluded.allegations, checks = excluded.checks
        """;

    private static readonly string[] ExtractionParameters = ["@doc", "@version", "@at", "@text", "@result", "@events", "@claims", "@persons", "@allegations", "@checks"];

    private static object?[] ExtractionValues(Guid documentId, string engineVersion, ExtractionResult result, DateTimeOffset now) =>
    [
        documentId.ToString("D"), engineVersion, RevisionHasher.FormatTime(now), result.CleanText, ContractJsonWriter.ToJson(result),
        result.Events.Length, result.Claims.Length, result.Persons.Length, result.Allegations.Length, result.Checks.Length,
    ];

    /// <summary>The extraction rows, as one batch where the connection has batches.</summary>
    private static async Task WriteExtractionRowsAsync(WriteSession session, string engineVersion, IReadOnlyList<(Guid DocumentId, ExtractionResult Result)> readings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (readings.Count > 1 && session.Connection.CanCreateBatch)
        {
            await using var batch = session.Connection.CreateBatch();
            batch.Transaction = session.Transaction;
            foreach (var (documentId, result) in readings)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = InsertExtractionSql;
                var values = ExtractionValues(documentId, engineVersion, result, now);
                for (var i = 0; i < values.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = ExtractionParameters[i];
                    parameter.Value = values[i] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        foreach (var (documentId, result) in readings)
        {
            var insert = session.Command(InsertExtractionSql);
            var values = ExtractionValues(documentId, engineVersion, result, now);
            for (var i = 0; i < values.Length; i++)
            {
                insert.AddParameter(ExtractionParameters[i], values[i]);
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task InsertExtractionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, Guid documentId, string engineVersion, ExtractionResult result, ChangeContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The same engine reads a document again when its publication date is set later (documents set-date): the row
        // then holds the new reading, sealed as an update.
        await using var session = new WriteSession(connection, tx);
        await WriteExtractionRowsAsync(session, engineVersion, [(documentId, result)], now, cancellationToken);
        await RowSealer.SealAsync(session, SealedTable.Extractions, "document_id = @doc AND engine_version = @version",
            [("@doc", documentId.ToString("D")), ("@version", engineVersion)], context, now, cancellationToken);
    }
}
