namespace Marsad.Core.Events;

/// <summary>An event as stored JSON in UTF-8 (masked for the role), with what paging and output need beside it.</summary>
public sealed record EventJson(Guid Id, DateOnly Start, ReadOnlyMemory<byte> Payload, long Version, IReadOnlyList<string> Sources);
