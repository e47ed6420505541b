namespace Marsad.Core.Registers.Persons;

/// <summary>Two person records that look like one person, for an editor to merge or dismiss: the score (0-1) and why.</summary>
public sealed record MergeProposal(Guid First, Guid Second, double Score, string FirstName, string SecondName, IReadOnlyList<string> Reasons);
