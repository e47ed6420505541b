namespace Marsad.Core.Events;

/// <summary>
/// An event a sync client should drop: merged into another (<see cref="MergedInto"/> says which), rejected,
/// or (for the public) no longer published. <see cref="At"/> is when that happened, in the audit trail's time format;
/// <see cref="Seq"/> is the audit chain's sequence of that change: ask for the next page with <c>after</c> = the last item's.
/// </summary>
public sealed record EventDeletion(Guid Id, string Reason, Guid? MergedInto, string At, long Seq);
