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
    Func<object, IReadOnlyList<KeyValuePair<string, object?>>> Columns)
{
    /// <summary>The payload field that lists the record's documents (kept in step with its document links).</summary>
    public const string DocumentsField = "document_ids";

    /// <summary>SQL that keeps only records standing on their own (events merged into another are not), appended to a WHERE clause.</summary>
    public string StandingCondition { get; init; } = "";

    /// <summary>Payload fields that the status or a query column is computed from.</summary>
    public IReadOnlySet<string> ColumnFields { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "status" };

    /// <summary>Of <see cref="ColumnFields"/>, those a patch may set: the column each fills and how its value is written there.</summary>
    public IReadOnlyDictionary<string, (string Column, Func<object?, object?> Value)> PatchableColumns { get; init; } =
        new Dictionary<string, (string, Func<object?, object?>)>(StringComparer.Ordinal);
}
