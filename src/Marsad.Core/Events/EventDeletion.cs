namespace Marsad.Core.Events;

/// <summary>
/// An event a sync client should drop: merged into another (<see cref="MergedInto"/> says which), rejected,
/// or (for the public) no longer published. <see cref="At"/> is when that happened, in the audit trail's time format.
/// </summary>
public sealed record EventDeletion(Guid Id, string Reason, Guid? MergedInto, string At);
