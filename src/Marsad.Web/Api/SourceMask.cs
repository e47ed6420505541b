using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Storage;

namespace Marsad.Web.Api;

/// <summary>Document source names as a role may see them: confidential sources become "confidential source" below editor.</summary>
internal sealed class SourceMask(HashSet<string> confidential, Role role)
{
    private readonly ConfidentialNames _scrubber = role.SeesConfidentialSources() ? ConfidentialNames.None : new ConfidentialNames(confidential);

    public static async Task<SourceMask> ForAsync(IMarsadStore store, Role role, CancellationToken cancellationToken) =>
        new((await store.Sources.ListAsync(Role.Admin, cancellationToken)).Where(s => s.Confidential).Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase), role);

    public bool Hides(string? source) => source is not null && confidential.Contains(source) && !role.SeesConfidentialSources();

    public string? Name(string? source) => Hides(source) ? RoleRules.ConfidentialSourceName : source;

    /// <summary>Text with every confidential name replaced, for roles that may not see them (a report may name another source).</summary>
    public string? Scrub(string? text) => text is null ? null : _scrubber.Scrub(text);
}
