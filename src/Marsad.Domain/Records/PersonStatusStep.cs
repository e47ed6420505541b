using Marsad.Domain.Common;

namespace Marsad.Domain.Records;

/// <summary>
/// One entry in a person's status history: the status they took on ("abducted", "missing" when last seen,
/// "released", "confirmed dead", "remains found"), when (if known), where (an exact place: sensitive), and a note.
/// </summary>
public sealed record PersonStatusStep
{
    public PersonStatusStep(PersonStatus status, DateSpan? when = null, Location? place = null, string? note = null)
    {
        DomainException.ThrowIf(!Enum.IsDefined(status), $"person status step: status {(int)status} is not defined");
        Status = status;
        When = when;
        Place = place;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public PersonStatus Status { get; }

    /// <summary>When the status began; null when the report does not say.</summary>
    public DateSpan? When { get; }

    /// <summary>Where (abducted at, last seen at, released at, remains found at); editors only unless marked public.</summary>
    public Location? Place { get; }

    public string? Note { get; }
}
