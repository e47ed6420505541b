using Marsad.Core.Events;

namespace Marsad.Web.Api;

/// <summary>One page of events; pass <see cref="NextCursor"/> as <c>cursor</c> for the next (null on the last page).</summary>
public sealed record EventPage(IReadOnlyList<EventListItem> Items, string? NextCursor);

/// <summary>What a sync client should drop; ask again with <c>after</c> = the last item's <c>seq</c>.</summary>
public sealed record DeletionFeed(IReadOnlyList<EventDeletion> Items);
