using Marsad.Core.Access;

namespace Marsad.Core.Registers;

/// <summary>
/// Reads the persons, claims and allegations registers for people and exports. The role is applied here (published
/// records only for the public, sensitive person fields withheld below editor, confidential sources masked), so
/// that no output format can show what the role may not see. T is Person, Claim or Allegation.
/// </summary>
public interface IRegisterQueries
{
    Task<IReadOnlyList<RegisterItem<T>>> ListAsync<T>(RegisterQuery query, Role role, CancellationToken cancellationToken = default) where T : class;

    /// <summary>The record whose id is <paramref name="idOrPrefix"/> or starts with it (6+ characters), if the role may see it.</summary>
    Task<RegisterItem<T>?> FindAsync<T>(string idOrPrefix, Role role, CancellationToken cancellationToken = default) where T : class;
}
