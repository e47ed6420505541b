using System.Collections.Immutable;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Extraction;

/// <summary>
/// What the contract's <c>document</c> object holds. <paramref name="Undated"/>: the document states no publication
/// date and none was given, so dates that need one are left unresolved.
/// </summary>
public sealed record DocumentInfo(string? Title, DateOnly? Published, string? Source, string Language, string Sha256, int CleanTextLength, bool Undated = false);

/// <summary>A disagreement between figures in one report (headline against body, total against parts); never resolved silently.</summary>
public sealed record FigureCheck(string Kind, string Message, ImmutableArray<TextSpan> Evidence);

/// <summary>
/// A passage the engine recognised as looking like an event but left out (a statistic, a breakdown line, an overflight,
/// a troop posture): the contract's optional <c>not_events</c>, so the coder sees what was not coded and why.
/// </summary>
public sealed record NotEventNote(string Reason, TextSpan Evidence);

/// <summary>
/// Everything extraction found in one document: events, claims, persons, allegations, checks, and errors
/// for input it could not read. <see cref="CleanText"/> is the text every evidence span points into.
/// </summary>
public sealed record ExtractionResult(
    string Id,
    DocumentInfo Document,
    string CleanText,
    ImmutableArray<ConflictEvent> Events,
    ImmutableArray<Claim> Claims,
    ImmutableArray<Person> Persons,
    ImmutableArray<Allegation> Allegations,
    ImmutableArray<FigureCheck> Checks,
    ImmutableArray<string> Errors)
{
    /// <summary>
    /// Events whose day the text does not fix and no publication date supplies (DESIGN section 4): the contract prints
    /// their date as null with the day words the text used; their <see cref="ConflictEvent.Date"/> only fills the required field.
    /// </summary>
    public ImmutableDictionary<Guid, string?> Undated { get; init; } = ImmutableDictionary<Guid, string?>.Empty;

    /// <summary>Statistics and other passages recognised and left out of <see cref="Events"/> (<see cref="NotEventNote"/>).</summary>
    public ImmutableArray<NotEventNote> NotEvents { get; init; } = [];

    /// <summary>A result for input that could not be read: no findings, one error.</summary>
    public static ExtractionResult Failed(string id, string error) =>
        new(id, new DocumentInfo(null, null, null, "en", string.Empty, 0), string.Empty, [], [], [], [], [], [error]);
}
