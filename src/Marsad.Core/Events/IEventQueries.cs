using Marsad.Core.Access;

namespace Marsad.Core.Events;

/// <summary>
/// Reads events for people and exports. The role is applied here, in the query layer, so that no
/// output format or page can show the public what it may not see.
/// </summary>
public interface IEventQueries
{
    Task<IReadOnlyList<EventListItem>> ListAsync(EventQuery query, Role role, CancellationToken cancellationToken = default);
}
