using Marsad.Core.Storage;
using Marsad.Domain.Documents;

namespace Marsad.Core.Documents;

/// <summary>
/// Documents as received: stored once each (by SHA-256 of the normalised text). The text never changes; only a
/// publication date the document did not state can be given later, as a revision (<see cref="SetPublishedAsync"/>).
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores the document and its source in one transaction, with a revision; a document with the same text is not stored again.</summary>
    Task<AddDocumentResult> AddAsync(Document document, ChangeContext context, CancellationToken cancellationToken = default);

    /// <summary>The id of the document whose normalised text has this SHA-256, or null: what ingest asks before reading a text again.</summary>
    Task<Guid?> IdByTextSha256Async(string textSha256, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit = 100, int offset = 0, CancellationToken cancellationToken = default);

    /// <summary>By full id, or by an id or text-SHA-256 prefix of at least 6 characters when it is unambiguous.</summary>
    Task<Document?> FindAsync(string idOrPrefix, CancellationToken cancellationToken = default);

    /// <summary>Sets the document's publication date, sealed as a revision with the context's reason; false when there is no such document.</summary>
    Task<bool> SetPublishedAsync(Guid id, DateOnly published, ChangeContext context, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
