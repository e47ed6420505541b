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
/// An insert's revision seals the new record by its state hash and lists no field changes (<see cref="InsertChanges"/>):
/// a second copy of every field in the revision doubled what an import wrote (1.4 KB a row beside a 1.1 KB payload) and
/// added nothing the chain needs. The first state stays recoverable and checkable: records are never deleted, each
/// later revision lists the old value of every field it changed, and each state so rebuilt has the hash its revision sealed.
/// </remarks>
internal sealed record PreparedInsert(object Record, RecordKind Kind, Guid Id, byte[] Utf8, IReadOnlyList<KeyValuePair<string, object?>> Columns, string Changes, string StateSha256)
{
    /// <summary>An insert revision's changes: none listed, the state hash seals the whole record.</summary>
    public const string InsertChanges = "{}";

    public static PreparedInsert Of(object record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var kind = RecordKinds.For(record.GetType());
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(record, record.GetType(), MarsadJson.Options);
        return new PreparedInsert(record, kind, kind.Id(record), utf8, kind.Columns(record), InsertChanges, RevisionHasher.Sha256Hex(utf8));
    }
}
