using Marsad.Domain.Common;

namespace Marsad.Core.Review.PlainValues;

/// <summary>One gazetteer candidate offered to a coder: its number in the list (from 1), the location it would set, and what kind of place it is.</summary>
public sealed record PlaceChoice(int Number, Location Location, string Kind, double Score)
{
    /// <summary>"Rmelan — Al-Hasakeh / Al-Malikeyyeh, town, precision 1".</summary>
    public string Describe() =>
        $"{Location.Name} — {string.Join(" / ", new[] { Location.Admin1, Location.Admin2 }.Where(a => !string.IsNullOrEmpty(a)))}, {Kind}, precision {(int?)Location.Precision}";
}
