using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Storage;
using Marsad.Domain.Common;

namespace Marsad.Web.Api;

/// <summary>
/// Document source names as a role may see them: confidential sources become "confidential source" below editor.
/// A source is known by its normalised name (<see cref="NameNormaliser"/>), the key the register files it under,
/// so a variant spelling of a confidential source is the confidential source.
/// </summary>
internal sealed class SourceMask(HashSet<string> confidential, Role role)
{
    private readonly ConfidentialNames _scrubber = role.SeesConfidentialSources() ? ConfidentialNames.None : new ConfidentialNames(confidential);

    public static async Task<SourceMask> ForAsync(IMarsadStore store, Role role, CancellationToken cancellationToken) =>
        new((await store.Sources.ListAsync(Role.Admin, cancellationToken)).Where(s => s.Confidential).Select(s => NameNormaliser.Key(s.Name)).ToHashSet(StringComparer.Ordinal), role);

    /// <summary>The names this role may not read, for Core's redacting views.</summary>
    public ConfidentialNames Secrets => _scrubber;

    public bool Hides(string? source) => source is not null && !role.SeesConfidentialSources() && confidential.Contains(NameNormaliser.Key(source));

    public string? Name(string? source) => Hides(source) ? RoleRules.ConfidentialSourceName : source;

    /// <summary>Text with every confidential name replaced, for roles that may not see them (a report may name another source).</summary>
    public string? Scrub(string? text) => text is null ? null : _scrubber.Scrub(text);

    /// <summary>JSON with every confidential name replaced in its string values.</summary>
    public string ScrubJson(string json) => _scrubber.ScrubJson(json);

    /// <summary>A document's text redacted, with evidence spans into it moved to where their words now stand.</summary>
    public (string Text, Evidence? Evidence) Redact(string text, Evidence? evidence)
    {
        var redaction = _scrubber.Redact(text);
        if (evidence is null || redaction.Replaced.Count == 0)
        {
            return (redaction.Text, evidence);
        }

        return (redaction.Text, new Evidence(evidence.Spans.Select(kv =>
            KeyValuePair.Create(kv.Key, new TextSpan(redaction.Map(kv.Value.Start), Math.Max(redaction.Map(kv.Value.Start), redaction.MapEnd(kv.Value.End)))))));
    }
}
