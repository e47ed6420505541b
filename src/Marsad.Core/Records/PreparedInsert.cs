using System.Text.Json;
using Marsad.Core.Audit;
using Marsad.Core.Storage.Json;

namespace Marsad.Core.Records;

/// <summary>
/// The part of a record's insert that needs no database: the payload serialised once to UTF-8 (the column's text and
/// what the state hash is computed over), the query columns, and the revision's changes and state hash. Pure, so a bulk
/// upsert prepares the next records on another core while the write transaction inserts the ones before.
/// </summary>
internal sealed record PreparedInsert(object Record, RecordKind Kind, Guid Id, byte[] Utf8, IReadOnlyList<KeyValuePair<string, object?>> Columns, string Changes, string StateSha256)
{
    public static PreparedInsert Of(object record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var kind = RecordKinds.For(record.GetType());
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(record, record.GetType(), MarsadJson.Options);
        return new PreparedInsert(record, kind, kind.Id(record), utf8, kind.Columns(record), JsonDiff.Changes([], utf8), RevisionHasher.Sha256Hex(utf8));
    }
}
