namespace Marsad.Core.Documents;

/// <summary>Whether a document was stored now or was already there (same normalised text), and its id either way.</summary>
public sealed record AddDocumentResult(Guid DocumentId, bool Stored);
