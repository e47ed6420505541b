using Marsad.Core.Access;
using Marsad.Core.Ids;
using Marsad.Core.Records;
using Marsad.Core.Storage;

namespace Marsad.Web.Api;

/// <summary>
/// Ids in routes, through Core's one id parser: the full id, the short id pages show, or any unique prefix of 6 or more.
/// The team is told which records an ambiguous prefix matches; the public is not (the matches may be unpublished).
/// </summary>
internal static class WebIds
{
    public static async Task<(Guid? Id, string? Ambiguous)> ResolveAsync(IMarsadStore store, IdKind kind, string typed, Role role, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.Ids.ResolveAsync(kind, typed, cancellationToken), null);
        }
        catch (AmbiguousIdException ex) when (role >= Role.Viewer)
        {
            return (null, ex.Message);
        }
        catch (Exception ex) when (ex is RecordNotFoundException or ArgumentException)
        {
            return (null, null);
        }
    }
}
