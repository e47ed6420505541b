using System.Data.Common;
using System.Globalization;
using Marsad.Core.Audit;
using Marsad.Core.Sources;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Documents;

namespace Marsad.Core.Documents;

/// <summary>The document store over ADO.NET.</summary>
internal sealed class DocumentStore(SqlDialect dialect, TimeProvider time) : IDocumentStore
{
    private const string SummaryColumns = "d.id, d.title, d.published, s.name, d.origin, LENGTH(d.clean_text), d.text_sha256, d.received_at";

    public async Task<AddDocumentResult> AddAsync(Document document, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginWriteAsync(connection, cancellationToken);
        await using (var existing = connection.Sql(tx, "SELECT id FROM documents WHERE text_sha256 = @sha"))
        {
            existing.AddParameter("@sha", document.TextSha256);
            if (await existing.ExecuteScalarAsync(cancellationToken) is string existingId)
            {
                await tx.RollbackAsync(cancellationToken);
                return new AddDocumentResult(Guid.Parse(existingId), Stored: false);
            }
        }

        var now = time.GetUtcNow();
        var sourceId = document.SourceName is null ? null : await EnsureSourceAsync(connection, tx, document.SourceName, now, cancellationToken);
        await using (var insert = connection.Sql(tx, """
            INSERT INTO documents (id, text_sha256, original_sha256, title, published, source_id, url, language, media_type, origin, received_at, clean_text, original)
            VALUES (@id, @sha, @osha, @title, @published, @source, @url, @lang, @media, @origin, @received, @text, @original)
            """))
        {
            insert.AddParameter("@id", document.Id.ToString("D")).AddParameter("@sha", document.TextSha256).AddParameter("@osha", document.OriginalSha256)
                .AddParameter("@title", document.Title).AddParameter("@published", document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .AddParameter("@source", sourceId).AddParameter("@url", document.Url).AddParameter("@lang", document.Language)
                .AddParameter("@media", document.MediaType).AddParameter("@origin", document.Origin)
                .AddParameter("@received", RevisionHasher.FormatTime(document.ReceivedAt)).AddParameter("@text", document.CleanText)
                .AddParameter("@original", document.Original);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var session = new WriteSession(connection, tx))
        {
            if (sourceId is not null && await SourceIsNewAsync(connection, tx, sourceId, cancellationToken))
            {
                await RowSealer.SealAsync(session, SealedTable.Sources, "id = @id", [("@id", sourceId)], context, now, cancellationToken);
            }

            await RowSealer.SealAsync(session, SealedTable.Documents, "id = @id", [("@id", document.Id.ToString("D"))], context, now, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return new AddDocumentResult(document.Id, Stored: true);
    }

    public async Task<bool> SetPublishedAsync(Guid id, DateOnly published, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginWriteAsync(connection, cancellationToken);
        await using (var update = connection.Sql(tx, "UPDATE documents SET published = @published WHERE id = @id"))
        {
            update.AddParameter("@published", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).AddParameter("@id", id.ToString("D"));
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await tx.RollbackAsync(cancellationToken);
                return false;
            }
        }

        // The row is sealed whole: the new state is sealed as an update, so verify accepts it and the chain says who dated it and why.
        await using (var session = new WriteSession(connection, tx))
        {
            await RowSealer.SealAsync(session, SealedTable.Documents, "id = @id", [("@id", id.ToString("D"))], context, time.GetUtcNow(), cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit = 100, int offset = 0, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, $"SELECT {SummaryColumns} FROM documents d LEFT JOIN sources s ON s.id = d.source_id ORDER BY d.published, d.received_at, d.id LIMIT @limit OFFSET @offset");
        command.AddParameter("@limit", limit).AddParameter("@offset", offset);
        var list = new List<DocumentSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new DocumentSummary(
                Guid.Parse(reader.GetString(0)), reader.GetStringOrNull(1), ParseDate(reader.GetStringOrNull(2)), reader.GetStringOrNull(3),
                reader.GetString(4), reader.GetInt32(5), reader.GetString(6), DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    public async Task<Guid?> IdByTextSha256Async(string textSha256, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(textSha256);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, "SELECT id FROM documents WHERE text_sha256 = @sha");
        command.AddParameter("@sha", textSha256);
        return await command.ExecuteScalarAsync(cancellationToken) is string id ? Guid.Parse(id) : null;
    }

    public async Task<Document?> FindAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        var key = idOrPrefix.Trim().ToLowerInvariant();
        if (key.Length < 6)
        {
            return null;
        }

        // A whole id can only be that document (ids are all one length; a text hash has no dashes): looked up by the
        // primary key. The prefix search reads every document (LIKE over TEXT takes no index in a non-C collation), which
        // for workers reading 50,000 stored documents one by one was a scan of the table per document.
        var whole = Guid.TryParseExact(key, "D", out _);
        var match = whole ? "d.id = @key" : "d.id = @key OR d.id LIKE @prefix OR d.text_sha256 LIKE @prefix";
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, $"""
            SELECT d.id, d.title, d.clean_text, d.text_sha256, d.original_sha256, d.original, d.media_type, d.published, s.name, d.url, d.language, d.origin, d.received_at
            FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            WHERE {match}
            LIMIT 2
            """);
        command.AddParameter("@key", key);
        if (!whole)
        {
            command.AddParameter("@prefix", key + "%");
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<Document>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new Document(
                Guid.Parse(reader.GetString(0)), reader.GetStringOrNull(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                (byte[])reader.GetValue(5), reader.GetString(6), ParseDate(reader.GetStringOrNull(7)), reader.GetStringOrNull(8),
                reader.GetStringOrNull(9), reader.GetString(10), reader.GetString(11), DateTimeOffset.Parse(reader.GetString(12), CultureInfo.InvariantCulture)));
        }

        return found.Count == 1 ? found[0] : found.FirstOrDefault(d => d.Id.ToString("D") == key);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, "SELECT COUNT(*) FROM documents");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<string> EnsureSourceAsync(DbConnection connection, DbTransaction tx, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = NameNormaliser.Key(name);
        if (await SourceStore.FindAsync(connection, tx, name, cancellationToken) is { } id)
        {
            return id;
        }

        var newId = Guid.CreateVersion7(now).ToString("D");
        await using var insert = connection.Sql(tx, "INSERT INTO sources (id, name, name_key, kind, confidential, created_at) VALUES (@id, @name, @key, 'outlet', 0, @at)");
        insert.AddParameter("@id", newId).AddParameter("@name", name.Trim()).AddParameter("@key", key).AddParameter("@at", RevisionHasher.FormatTime(now));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return newId;
    }

    private static async Task<bool> SourceIsNewAsync(DbConnection connection, DbTransaction tx, string sourceId, CancellationToken cancellationToken)
    {
        await using var sealedCount = connection.Sql(tx, "SELECT COUNT(*) FROM revisions WHERE entity_type = 'source' AND entity_id = @id");
        sealedCount.AddParameter("@id", sourceId);
        return Convert.ToInt64(await sealedCount.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0;
    }

    private static DateOnly? ParseDate(string? value) => value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
