using Marsad.Core.Names;
using Marsad.Core.Review.PlainValues;
using Marsad.Domain.Common;

namespace Marsad.Core.Tests.Names;

public sealed class PlaceLineTests
{
    private static Location At(string? name, string? admin2, string? admin1) => new(name, null, admin1, admin2, null, null, null);

    [Theory]
    [InlineData("Rmelan", "Al-Hasakeh", "Al-Hasakeh", "Rmelan, Al-Hasakeh")]
    [InlineData("Al-Hasakeh", "Al-Hasakeh", "Al-Hasakeh", "Al-Hasakeh")]
    [InlineData("Jisr-Ash-Shugur", "Jisr-Ash-Shugur", "Idleb", "Jisr-Ash-Shugur, Idleb")]
    [InlineData("Kafr Nobol", "Al Ma'ra", "Idleb", "Kafr Nobol, Al Ma'ra, Idleb")]
    [InlineData("Tal Tamr", "al hasakeh", "Al-Hasakeh", "Tal Tamr, al hasakeh")]
    [InlineData(null, "Al-Hasakeh", "Al-Hasakeh", "Al-Hasakeh")]
    [InlineData("Rmelan", null, "", "Rmelan")]
    public void A_place_line_names_each_place_once_most_local_first(string? name, string? admin2, string? admin1, string expected) =>
        Assert.Equal(expected, PlaceLine.Of(At(name, admin2, admin1)));

    [Fact]
    public void The_terminal_and_the_candidates_print_a_district_named_as_its_governorate_once()
    {
        Assert.Equal("Rmelan — Al-Hasakeh", PlainText.Place(At("Rmelan", "Al-Hasakeh", "Al-Hasakeh")));
        Assert.Equal("Kafr Nobol — Idleb / Al Ma'ra", PlainText.Place(At("Kafr Nobol", "Al Ma'ra", "Idleb")));
        // A candidate keeps its areas even when it bears their name: they tell homonyms apart.
        Assert.StartsWith("Al-Hasakeh — Al-Hasakeh,", new PlaceChoice(1, At("Al-Hasakeh", "Al-Hasakeh", "Al-Hasakeh"), "town", 1).Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_gazetteer_gives_Arabic_names_of_places_by_id_and_of_areas_by_English_name()
    {
        var names = ArabicPlaceNames.Of(["C4068", "no-such-place"], ["Idleb", "Al-Hasakeh", "Nowhere"]);
        Assert.Equal("كفر نبل", names.Places["C4068"]);
        Assert.False(names.Places.ContainsKey("no-such-place"));
        Assert.Equal(2, names.Areas.Count);
        Assert.All(names.Areas.Values, a => Assert.Matches(@"^[\u0600-\u06FF ]+$", a));
        Assert.DoesNotContain(names.Places.Values, n => n.Contains('\u06A9', StringComparison.Ordinal));
    }
}
