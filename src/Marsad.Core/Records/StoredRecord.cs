namespace Marsad.Core.Records;

/// <summary>A record as stored, with the version an update must name (optimistic concurrency).</summary>
public sealed record StoredRecord<T>(T Value, long Version) where T : class;
