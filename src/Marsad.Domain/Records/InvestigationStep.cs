using Marsad.Domain.Common;

namespace Marsad.Domain.Records;

/// <summary>One entry in an allegation's investigation history: the status it took on, and from when.</summary>
public sealed record InvestigationStep
{
    public InvestigationStep(InvestigationStatus status, DateOnly since, string? note = null)
    {
        DomainException.ThrowIf(!Enum.IsDefined(status), $"investigation step: status {(int)status} is not defined");
        Status = status;
        Since = since;
        Note = note;
    }

    public InvestigationStatus Status { get; }

    public DateOnly Since { get; }

    public string? Note { get; }
}
