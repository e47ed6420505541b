using Marsad.Core.Records;
using Marsad.Core.Storage;

namespace Marsad.Core.Ids;

/// <summary>
/// Ids resolved and shortened with range scans on each table's primary key (ids are stored as lower-case
/// <c>D</c> strings, and every character of one sorts below '~'), so it costs two index seeks per id at any size.
/// </summary>
internal sealed class RecordIds(SqlDialect dialect) : IRecordIds
{
    private const int NamedMatches = 5;

    public async Task<Guid> ResolveAsync(IdKind kind, string typed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (Guid.TryParse(typed.Trim(), out var full))
        {
            return await ExistsAsync(kind, full, cancellationToken) ? full : throw new RecordNotFoundException($"no {IdKinds.Word(kind)} with id {full}");
        }

        var prefix = ShortId.Normalise(typed);
        if (!ShortId.IsTypedPrefix(prefix))
        {
            throw new ArgumentException($"'{typed}' is not an id: give the id shown, or 6 or more of its first hex digits", nameof(typed));
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, $"SELECT id FROM {IdKinds.Table(kind)} WHERE id >= @p AND id < @end ORDER BY id LIMIT {NamedMatches + 1}");
        command.AddParameter("@p", prefix).AddParameter("@end", prefix + "~");
        var matches = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                matches.Add(reader.GetString(0));
            }
        }

        return matches.Count switch
        {
            0 => throw new RecordNotFoundException($"no {IdKinds.Word(kind)} has an id starting '{typed.Trim()}'"),
            1 => Guid.Parse(matches[0]),
            _ => throw new AmbiguousIdException(IdKinds.Word(kind), typed.Trim(), await NameMatchesAsync(kind, matches, cancellationToken)),
        };
    }

    public async Task<IReadOnlyDictionary<Guid, string>> ShortenAsync(IdKind kind, IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct().ToList();
        var result = new Dictionary<Guid, string>(wanted.Count);
        if (wanted.Count == 0)
        {
            return result;
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var before = connection.Sql(null, $"SELECT MAX(id) FROM {IdKinds.Table(kind)} WHERE id < @id");
        await using var after = connection.Sql(null, $"SELECT MIN(id) FROM {IdKinds.Table(kind)} WHERE id > @id");
        foreach (var id in wanted)
        {
            var text = id.ToString("D");
            before.AddParameter("@id", text);
            after.AddParameter("@id", text);
            result[id] = ShortId.Of(id, await before.ExecuteScalarAsync(cancellationToken) as string, await after.ExecuteScalarAsync(cancellationToken) as string);
        }

        return result;
    }

    private async Task<bool> ExistsAsync(IdKind kind, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, $"SELECT 1 FROM {IdKinds.Table(kind)} WHERE id = @id");
        command.AddParameter("@id", id.ToString("D"));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    // Each match in its own short form, so the person can type one of them back.
    private async Task<IReadOnlyList<string>> NameMatchesAsync(IdKind kind, List<string> matches, CancellationToken cancellationToken)
    {
        var named = await ShortenAsync(kind, matches.Take(NamedMatches).Select(Guid.Parse), cancellationToken);
        var list = named.Values.ToList();
        if (matches.Count > NamedMatches)
        {
            list.Add("and more");
        }

        return list;
    }
}
