namespace Marsad.Core.Corroboration;

/// <summary>
/// Groups of events that report one incident (each group two or more events, at most one per source),
/// with how many pairs blocking put up for comparison and how many of those matched.
/// </summary>
public sealed record CorroborationResult(IReadOnlyList<IReadOnlyList<Guid>> Groups, long ComparedPairs, long MatchedPairs);
