using System.Text.Json.Nodes;

namespace Marsad.Core.Review;

/// <summary>
/// A coder's decision on one record, as <c>marsad review --batch</c> reads it from JSON:
/// <c>{"kind": "event", "id": "...", "action": "accept|reject|edit", "version": 3, "fields": {"actor2": "Civilians (Syria)"}, "reason": "..."}</c>.
/// <see cref="Version"/> (required) is the version the coder looked at: if the record moved on since, nothing is saved.
/// </summary>
public sealed record ReviewDecision(string Kind, Guid Id, ReviewAction Action, long? Version = null, JsonObject? Fields = null, string? Reason = null);

/// <summary>Accept the proposal (status reviewed), reject it, or change fields (and accept).</summary>
public enum ReviewAction
{
    Accept,
    Reject,
    Edit,
}
