namespace Marsad.Domain.Records;

/// <summary>Where an allegation stands with those who could investigate it.</summary>
public enum InvestigationStatus
{
    Alleged,
    InvestigationRequested,
    UnderInvestigation,
    ResponsibilityAcknowledged,
    Denied,
    Closed,
}
