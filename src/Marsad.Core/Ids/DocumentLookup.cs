using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Documents;

namespace Marsad.Core.Ids;

/// <summary>A document named the way people name it: its short id, any unique id prefix, or a prefix of its text SHA-256.</summary>
public static class DocumentLookup
{
    /// <summary>The document, or null when nothing matches; <see cref="AmbiguousIdException"/> when an id prefix starts several.</summary>
    public static async Task<Document?> FindDocumentAsync(this IMarsadStore store, string typed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(typed);
        try
        {
            var id = await store.Ids.ResolveAsync(IdKind.Document, typed, cancellationToken);
            return await store.Documents.FindAsync(id.ToString("D"), cancellationToken);
        }
        catch (Exception ex) when (ex is RecordNotFoundException or ArgumentException and not AmbiguousIdException)
        {
            // Not an id (or not one of ours): it may still start the SHA-256 of a document's text.
            return await store.Documents.FindAsync(typed, cancellationToken);
        }
    }
}
