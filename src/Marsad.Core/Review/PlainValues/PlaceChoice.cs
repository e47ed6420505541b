using Marsad.Domain.Common;

namespace Marsad.Core.Review.PlainValues;

/// <summary>One gazetteer candidate offered to a coder: its number in the list (from 1), the location it would set, and what kind of place it is.</summary>
public sealed record PlaceChoice(int Number, Location Location, string Kind, double Score)
{
    /// <summary>
    /// "Rmelan — Al-Hasakeh / Al-Malikeyyeh, town, precision 1": the areas even when the place bears their name, since
    /// they tell homonyms apart; a district named as its governorate once (PlaceLine).
    /// </summary>
    public string Describe() =>
        $"{Location.Name} — {string.Join(" / ", Names.PlaceLine.Parts(null, Location.Admin2, Location.Admin1).Reverse())}, {Kind}, precision {(int?)Location.Precision}";
}
