namespace Marsad.Core.Registers;

/// <summary>
/// Filters for listing a register; null means "any". <see cref="Status"/> is the register's own status in its
/// stored spelling: a person's status (missing, abducted ...), a claim's verdict (false ...), an allegation's
/// investigation status (investigation_requested ...). Merged-away records are left out unless asked for.
/// </summary>
public sealed record RegisterQuery
{
    public string? Status { get; init; }

    /// <summary>
    /// Words of the record as the role reads it (names, aliases, statement, summary): each word of the search begins a word
    /// of the record, whatever its case, accents or letter width, alike on SQLite and PostgreSQL (Registers/Search).
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// Persons only: a place in the person's record (last seen, or a status step's) lies in this governorate. Matched on the
    /// record as the role reads it, so an exact place withheld from the role finds nothing but its governorate.
    /// </summary>
    public string? Admin1 { get; init; }

    /// <summary>Persons only: a place in the person's record, as the role reads it (a withheld exact place has no point), lies in this box.</summary>
    public Events.BoundingBox? Within { get; init; }

    public bool IncludeMerged { get; init; }

    public int Limit { get; init; } = 1000;
}
