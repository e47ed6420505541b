using Marsad.Core.Storage;
using Marsad.Domain.Documents;

namespace Marsad.Core.Sources;

/// <summary>
/// <c>marsad sources set NAME</c>: adds a source to the register or changes one. A flag left out keeps what the source
/// had (leaving out <c>--confidential</c> never makes a confidential source public, nor wipes its note or link). The
/// change is a revision in the audit chain, by the person who made it, which <c>audit verify</c> checks like any
/// record's; audit views mask a confidential source's name, link and note below editor (<see cref="Access.AuditMask"/>).
/// </summary>
public sealed class SetSource(IMarsadStore store)
{
    public async Task<SourceInfo> RunAsync(string name, SourceKind? kind, bool? confidential, string? url, string? reliabilityNote, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(context);
        var why = new ChangeContext(context.Author, context.Reason ?? (confidential switch
        {
            true => "source saved as confidential",
            false => "source saved as public",
            null => "source saved",
        }));
        return await store.Sources.SaveAsync(name.Trim(), kind, confidential, Blank(url), Blank(reliabilityNote), why, cancellationToken);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
