using Marsad.Core.Access;
using Marsad.Core.Storage;

namespace Marsad.Web.Api;

/// <summary>Document source names as a role may see them: confidential sources become "confidential source" below editor.</summary>
internal sealed class SourceMask(HashSet<string> confidential, Role role)
{
    public static async Task<SourceMask> ForAsync(IMarsadStore store, Role role, CancellationToken cancellationToken) =>
        new((await store.Sources.ListAsync(Role.Admin, cancellationToken)).Where(s => s.Confidential).Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase), role);

    public bool Hides(string? source) => source is not null && confidential.Contains(source) && !role.SeesConfidentialSources();

    public string? Name(string? source) => Hides(source) ? RoleRules.ConfidentialSourceName : source;
}
