using Marsad.Core.Storage;
using Marsad.Extraction;

namespace Marsad.Core.Extract;

/// <summary>What the engine read in each document, and the candidates it proposed, stored together.</summary>
public interface IExtractionStore
{
    /// <summary>The text the latest extraction of the document read (its evidence spans point into it), or null.</summary>
    Task<string?> CleanTextAsync(Guid documentId, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(Guid documentId, string engineVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the extraction and its candidates (status extracted, linked to the document) in one
    /// transaction, each candidate with its revision. Returns how many candidates were new.
    /// </summary>
    /// <summary>Documents whose latest extraction is by another engine version than this one (or that were never extracted).</summary>
    Task<IReadOnlyList<Guid>> OutdatedAsync(string engineVersion, CancellationToken cancellationToken = default);

    /// <summary>Records that an engine would change a reviewed record; the record itself is not touched.</summary>
    Task ProposeAsync(Guid documentId, string engineVersion, string recordKind, Guid recordId, string changes, CancellationToken cancellationToken = default);

    /// <summary>Marks the document as extracted by this engine version, with its output, without adding candidates.</summary>
    Task MarkExtractedAsync(Guid documentId, string engineVersion, ExtractionResult result, CancellationToken cancellationToken = default);

    /// <summary>What newer engines proposed for reviewed records, oldest first.</summary>
    Task<IReadOnlyList<(Guid DocumentId, string EngineVersion, string RecordKind, Guid RecordId, string Changes)>> ProposalsAsync(CancellationToken cancellationToken = default);

    Task<ExtractionCounts> SaveAsync(Guid documentId, string engineVersion, ExtractionResult result, ChangeContext context, CancellationToken cancellationToken = default);
}

/// <summary>How many of each kind an extraction proposed.</summary>
public sealed record ExtractionCounts(int Events, int Claims, int Persons, int Allegations, int Checks)
{
    public override string ToString() => $"{Events} events, {Claims} claims, {Persons} persons, {Allegations} allegations, {Checks} checks";
}
