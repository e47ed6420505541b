using Marsad.Domain.Events;

namespace Marsad.Core.Events;

/// <summary>An event as a role may see it: the record, its version, and the sources that report it (names already masked for the role).</summary>
public sealed record EventListItem(ConflictEvent Event, long Version, IReadOnlyList<string> Sources);
