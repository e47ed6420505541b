namespace Marsad.Core.Corroboration;

/// <summary>A compared pair of events, the score (0..1), whether it is a match, and the reasons in words.</summary>
public sealed record MatchDecision(Guid First, Guid Second, double Score, bool IsMatch, IReadOnlyList<string> Reasons);
