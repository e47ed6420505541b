using Marsad.Domain.Common;

namespace Marsad.Extraction.Recognition.Quantities;

/// <summary>
/// Characters [Start, End) state a count named <see cref="Name"/> (fatalities, injured, arrested, ...).
/// <see cref="Coded"/> marks a coder's total ("3 fatalities.", "Unknown fatalities coded as 10", "No fatalities
/// were reported"), which overrides the counts read from the narrative.
/// </summary>
public sealed record QuantityMention(int Start, int End, string Name, Quantity Value, bool Coded, int Token);
