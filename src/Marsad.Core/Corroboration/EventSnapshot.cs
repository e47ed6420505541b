namespace Marsad.Core.Corroboration;

/// <summary>
/// Every event corroboration may merge or grade, as one state of the store held them, with the audit
/// chain's head in that state: an event with a later revision has changed since and is left alone.
/// </summary>
public sealed record EventSnapshot(IReadOnlyList<StandingEvent> Events, long Revision);

/// <summary>An event still standing on its own: what corroboration compares, its review status, and its documents.</summary>
public sealed record StandingEvent(EventSignature Signature, string Status, IReadOnlyList<Guid> DocumentIds);
