namespace Marsad.Domain.Events;

/// <summary>Which status changes review allows: forward one step, back for correction, or rejection; a rejection can be reopened.</summary>
public static class EventStatusTransitions
{
    public static bool IsAllowed(EventStatus from, EventStatus to) => (from, to) switch
    {
        _ when from == to => false,
        (_, EventStatus.Rejected) => true,
        (EventStatus.Rejected, EventStatus.Extracted) => true,
        (EventStatus.Extracted, EventStatus.Reviewed) => true,
        (EventStatus.Reviewed, EventStatus.Verified) => true,
        (EventStatus.Verified, EventStatus.Published) => true,
        (EventStatus.Published, EventStatus.Verified) => true,
        (EventStatus.Verified, EventStatus.Reviewed) => true,
        (EventStatus.Reviewed, EventStatus.Extracted) => true,
        _ => false,
    };
}
