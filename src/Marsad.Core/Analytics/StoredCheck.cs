namespace Marsad.Core.Analytics;

/// <summary>A figure check the extraction engine raised on a stored document (headline against body, stated count against listed dates).</summary>
public sealed record StoredCheck(Guid DocumentId, string Kind, string Message);
