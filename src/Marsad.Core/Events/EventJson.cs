namespace Marsad.Core.Events;

/// <summary>
/// An event as stored JSON in UTF-8 (masked for the role), with what paging and output need beside it. Listings
/// (<see cref="IEventQueries.ListJsonAsync"/>) carry its place line too (Names.PlaceLine), read in the same pass as its
/// document ids; streamed exports, which print none, leave it null.
/// </summary>
public sealed record EventJson(Guid Id, DateOnly Start, ReadOnlyMemory<byte> Payload, long Version, IReadOnlyList<string> Sources, IReadOnlyList<string>? PlaceLine = null);
