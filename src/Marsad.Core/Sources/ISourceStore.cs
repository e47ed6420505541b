using Marsad.Core.Access;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Documents;

namespace Marsad.Core.Sources;

/// <summary>The register of outlets, field networks and named sources.</summary>
public interface ISourceStore
{
    /// <summary>Every source; for roles that may not know confidential identities, those are left out entirely.</summary>
    Task<IReadOnlyList<SourceInfo>> ListAsync(Role role, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the source, or updates the one with that name (names match in <see cref="NameNormaliser"/>'s form: case,
    /// spacing and punctuation aside). A null argument keeps what the source had: leaving out a flag never makes a
    /// confidential source public. The saved row is sealed by a revision in the audit chain, written by
    /// <paramref name="context"/>'s author (the administrator's account name when none is given).
    /// </summary>
    Task<SourceInfo> SaveAsync(string name, SourceKind? kind, bool? confidential, string? url, string? reliabilityNote, ChangeContext? context = null, CancellationToken cancellationToken = default);
}
