using System.Text.Json;
using Marsad.Core.Audit;
using Marsad.Core.Storage.Json;

namespace Marsad.Core.Records;

/// <summary>
/// The part of a record's insert that needs no database: the payload serialised once to UTF-8 (the column's text and
/// what the state hash is computed over), the query columns, and the revision's changes and state hash. Pure, so a bulk
/// upsert prepares the next records on another core while the write transaction inserts the ones before.
/// </summary>
/// <remarks>
/// A record inserted alone has a revision listing every field (from null), as the history shows it. An imported record
/// (a bulk upsert, <see cref="OfBulk"/>) has one that seals it by its state hash and lists no field
/// (<see cref="BulkInsertChanges"/>): the row is its file's row, named by the origin the payload holds, and a second
/// copy of every field doubled what an import wrote (1.4 KB a row beside a 1.1 KB payload). Its first state stays
/// recoverable and checkable: records are never deleted, each later revision lists the old value of every field it
/// changed, and the state so rebuilt has the hash its revision sealed.
/// </remarks>
internal sealed record PreparedInsert(object Record, RecordKind Kind, Guid Id, byte[] Utf8, IReadOnlyList<KeyValuePair<string, object?>> Columns, string Changes, string StateSha256)
{
    /// <summary>A bulk insert's revision changes: none listed, the state hash seals the whole record.</summary>
    public const string BulkInsertChanges = "{}";

    /// <summary>A record inserted alone: its revision lists every field.</summary>
    public static PreparedInsert Of(object record) => Of(record, utf8 => JsonDiff.Changes([], utf8));

    /// <summary>A record a bulk upsert inserts: its revision lists no field.</summary>
    public static PreparedInsert OfBulk(object record) => Of(record, _ => BulkInsertChanges);

    private static PreparedInsert Of(object record, Func<byte[], string> changes)
    {
        ArgumentNullException.ThrowIfNull(record);
        var kind = RecordKinds.For(record.GetType());
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(record, record.GetType(), MarsadJson.Options);
        return new PreparedInsert(record, kind, kind.Id(record), utf8, kind.Columns(record), changes(utf8), RevisionHasher.Sha256Hex(utf8));
    }
}
