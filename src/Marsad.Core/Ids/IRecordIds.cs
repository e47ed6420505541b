namespace Marsad.Core.Ids;

/// <summary>
/// The one id parser and the one short form: every command and route that takes an id resolves it here, and
/// every table, report and page that shows one shortens it here.
/// </summary>
public interface IRecordIds
{
    /// <summary>
    /// The record of <paramref name="kind"/> whose id is <paramref name="typed"/> or starts with it (6 or more hex digits,
    /// dashes optional). Throws <see cref="Records.RecordNotFoundException"/> when none matches, <see cref="AmbiguousIdException"/>
    /// naming the matches when several do, and <see cref="ArgumentException"/> when the text cannot be an id.
    /// </summary>
    Task<Guid> ResolveAsync(IdKind kind, string typed, CancellationToken cancellationToken = default);

    /// <summary>The short form of each id (unique among records of the kind, 8 or more digits).</summary>
    Task<IReadOnlyDictionary<Guid, string>> ShortenAsync(IdKind kind, IEnumerable<Guid> ids, CancellationToken cancellationToken = default);
}
