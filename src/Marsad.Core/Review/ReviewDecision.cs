using System.Text.Json.Nodes;

namespace Marsad.Core.Review;

/// <summary>
/// A coder's decision on one record, as <c>marsad review --batch</c> reads it from JSON:
/// <c>{"kind": "event", "id": "...", "action": "accept|reject|edit", "version": 3, "fields": {"actor2": "Civilians (Syria)"}, "reason": "..."}</c>.
/// <see cref="Version"/> (required) is the version the coder looked at: if the record moved on since, nothing is saved.
/// An event's proposal can also be reshaped: <c>"action": "split", "parts": [{"location": "Kafranbel", "fatalities": "2"}, {…}]</c>
/// (one field set a new event, the first kept by the proposal), <c>"action": "merge", "merge": ["id", …]</c> (those events
/// report the same incident as this one), <c>"action": "link", "links": [{"kind": "person", "id": "…"}]</c> (with
/// <c>"unlink": true</c> to take links back); <c>"action": "undo_split"</c> on the split proposal puts it back as it was
/// while no part has moved on.
/// </summary>
public sealed record ReviewDecision(string Kind, Guid Id, ReviewAction Action, long? Version = null, JsonObject? Fields = null, string? Reason = null,
    JsonArray? Parts = null, IReadOnlyList<Guid>? Merge = null, IReadOnlyList<ReviewLink>? Links = null, bool Unlink = false);

/// <summary>A record an event is linked to: a person, claim or allegation.</summary>
public sealed record ReviewLink(string Kind, Guid Id);

/// <summary>Accept the proposal (status reviewed), reject it, change fields (and accept), or reshape it: split, merge, link.</summary>
public enum ReviewAction
{
    Accept,
    Reject,
    Edit,
    Split,
    Merge,
    Link,
    UndoSplit,
}
