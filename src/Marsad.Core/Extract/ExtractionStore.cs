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
        object[] candidates =
        [
            .. result.Events.Select(e => e with { DocumentIds = [documentId] }),
            .. result.Claims.Select(c => c with { DocumentIds = [documentId] }),
            .. result.Persons.Select(p => p with { DocumentIds = [documentId] }),
            .. result.Allegations.Select(a => a with { DocumentIds = [documentId] }),
        ];
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

        foreach (var candidate in candidates)
        {
            await RecordStore.InsertAsync(connection, tx, candidate, context, now, cancellationToken);
        }

        await using (var insert = connection.Sql(tx, """
            INSERT INTO extractions (document_id, engine_version, extracted_at, clean_text, result, events, claims, persons, allegations, checks)
            VALUES (@doc, @version, @at, @text, @result, @events, @claims, @persons, @allegations, @checks)
            """))
        {
            insert.AddParameter("@doc", documentId.ToString("D")).AddParameter("@version", engineVersion).AddParameter("@at", RevisionHasher.FormatTime(now))
                .AddParameter("@text", result.CleanText).AddParameter("@result", ContractJsonWriter.ToJson(result))
                .AddParameter("@events", result.Events.Length).AddParameter("@claims", result.Claims.Length).AddParameter("@persons", result.Persons.Length)
                .AddParameter("@allegations", result.Allegations.Length).AddParameter("@checks", result.Checks.Length);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return new ExtractionCounts(result.Events.Length, result.Claims.Length, result.Persons.Length, result.Allegations.Length, result.Checks.Length);
    }
}
