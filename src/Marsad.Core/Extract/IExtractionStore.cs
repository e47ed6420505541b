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
    Task<ExtractionCounts> SaveAsync(Guid documentId, string engineVersion, ExtractionResult result, ChangeContext context, CancellationToken cancellationToken = default);
}

/// <summary>How many of each kind an extraction proposed.</summary>
public sealed record ExtractionCounts(int Events, int Claims, int Persons, int Allegations, int Checks)
{
    public override string ToString() => $"{Events} events, {Claims} claims, {Persons} persons, {Allegations} allegations, {Checks} checks";
}
