namespace Marsad.Core.Registers;

/// <summary>
/// Filters for listing a register; null means "any". <see cref="Status"/> is the register's own status in its
/// stored spelling: a person's status (missing, abducted ...), a claim's verdict (false ...), an allegation's
/// investigation status (investigation_requested ...). Merged-away records are left out unless asked for.
/// </summary>
public sealed record RegisterQuery
{
    public string? Status { get; init; }

    /// <summary>Text anywhere in the record (names, aliases, statement, summary).</summary>
    public string? Text { get; init; }

    public bool IncludeMerged { get; init; }

    public int Limit { get; init; } = 1000;
}
