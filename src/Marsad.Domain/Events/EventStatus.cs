namespace Marsad.Domain.Events;

/// <summary>Where a record stands in review: extracted → reviewed → verified → published, or rejected.</summary>
public enum EventStatus
{
    Extracted,
    Reviewed,
    Verified,
    Published,
    Rejected,
}
