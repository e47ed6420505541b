using Marsad.Core.Extract;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Extraction;

namespace Marsad.Core.Documents;

/// <summary>What <see cref="SetDocumentDate"/> did: the date before and after, and what reading the document again changed.</summary>
public sealed record SetDocumentDateOutcome(Guid DocumentId, DateOnly? Before, DateOnly Published, ReextractOutcome Reread);

/// <summary>
/// <c>marsad documents set-date</c>: gives a document the publication date it did not state (or corrects one), as a
/// revision with the reason, then reads it again with that date. Candidates nobody reviewed take the dates they now
/// resolve to; a reviewed record is never overwritten: what the new reading would change (its resolved date) is left
/// as a proposal for a coder, as <see cref="ReextractDocuments"/> does after an engine upgrade.
/// </summary>
public sealed class SetDocumentDate(IMarsadStore store, ExtractionEngine engine, string engineVersion)
{
    public async Task<SetDocumentDateOutcome> RunAsync(Guid documentId, DateOnly published, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The date changes what every undated record says: the audit trail must say why it was given.
        if (string.IsNullOrWhiteSpace(context.Reason))
        {
            throw new ArgumentException("a reason is required to set a document's date", nameof(context));
        }

        var document = await store.Documents.FindAsync(documentId.ToString("D"), cancellationToken)
            ?? throw new RecordNotFoundException($"no document {documentId:D}");
        if (document.Published != published && !await store.Documents.SetPublishedAsync(documentId, published, context, cancellationToken))
        {
            throw new RecordNotFoundException($"no document {documentId:D}");
        }

        var reread = await new ReextractDocuments(store, engine, engineVersion).RereadAsync(documentId, context, cancellationToken);
        return new SetDocumentDateOutcome(documentId, document.Published, published, reread);
    }
}
