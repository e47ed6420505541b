namespace Marsad.Core.Records;

/// <summary>
/// How one kind of reviewed record maps to its table: its name in the audit trail, its id, review
/// status and documents, and any extra columns that queries filter on.
/// </summary>
internal sealed record RecordKind(
    Type ClrType,
    string EntityType,
    string Table,
    Func<object, Guid> Id,
    Func<object, string> Status,
    Func<object, IEnumerable<Guid>> Documents,
    Func<object, IReadOnlyList<KeyValuePair<string, object?>>> Columns);
