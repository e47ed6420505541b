using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Extraction.Tests.Geography;

public sealed class GeocoderResolveTests
{
    private static readonly GeoPoint DeirEzZorCity = new(35.336, 40.141);
    private static readonly GeoPoint RaqqaCity = new(35.950, 39.010);

    private static Location Resolve(string name, GeoPrecision precision = GeoPrecision.Place, string? within = null, params GeoPoint[] near) =>
        ShippedGazetteer.Geocoder.Resolve(new PlaceQuery(name, precision, within, near.Length == 0 ? null : near))
        ?? throw new Xunit.Sdk.XunitException($"'{name}' did not resolve");

    [Theory]
    [InlineData("Deir ez-Zor")]
    [InlineData("Deir Ezzor")]
    [InlineData("Dayr az Zawr")]
    [InlineData("Deir-ez-Zor city")]
    [InlineData("دير الزور")]
    public void Spellings_of_Deir_ez_Zor_resolve_to_the_city(string name)
    {
        var location = Resolve(name);
        Assert.True(location.Point!.DistanceKm(DeirEzZorCity) < 5, $"{name} → {location.Name} at {location.Point.Latitude}, {location.Point.Longitude}");
        Assert.Equal("Deir-ez-Zor", location.Admin1);
        Assert.Equal(GeoPrecision.Place, location.Precision);
    }

    [Theory]
    [InlineData("Raqqa")]
    [InlineData("Ar-Raqqah")]
    [InlineData("al-Raqqa")]
    [InlineData("الرقة")]
    public void Spellings_of_Raqqa_resolve_to_the_city(string name) =>
        Assert.True(Resolve(name).Point!.DistanceKm(RaqqaCity) < 5);

    [Fact]
    public void Admin_names_come_from_the_OCHA_boundaries()
    {
        var location = Resolve("Tell Abiad");
        Assert.Equal("Ar-Raqqa", location.Admin1);
        Assert.Equal("Tell Abiad", location.Admin2);
        Assert.NotNull(location.Admin3);
        Assert.NotNull(location.PlaceId);
    }

    [Fact]
    public void A_one_letter_typo_still_finds_the_place()
    {
        var exact = Resolve("Kafr Nabl");
        var typo = Resolve("Kafr Nabbul");
        Assert.Equal(exact.PlaceId, typo.PlaceId);
    }

    [Theory]
    [InlineData("Rural Damascus", "Rural Damascus")]
    [InlineData("Idleb", "Idleb")]
    [InlineData("Deir ez Zor", "Deir-ez-Zor")]
    [InlineData("Al Hasakeh", "Al-Hasakeh")]
    public void The_named_area_picks_among_homonyms(string within, string admin1) =>
        Assert.Equal(admin1, Resolve("Salhiyeh", within: within).Admin1);

    [Fact]
    public void The_reports_other_places_pick_among_homonyms()
    {
        var nearHasakah = Resolve("Salhiyeh", near: new GeoPoint(36.50, 40.75));
        var nearIdlib = Resolve("Salhiyeh", near: new GeoPoint(35.80, 36.30));
        Assert.Equal("Al-Hasakeh", nearHasakah.Admin1);
        Assert.Equal("Idleb", nearIdlib.Admin1);
    }

    [Fact]
    public void A_place_outside_the_named_area_is_not_returned() =>
        Assert.Null(ShippedGazetteer.Geocoder.Resolve(new PlaceQuery("Tell Abiad", GeoPrecision.Place, "Dar'a")));

    [Fact]
    public void An_unknown_name_resolves_to_nothing() =>
        Assert.Null(ShippedGazetteer.Geocoder.Resolve(new PlaceQuery("Qwxzzy Plonk")));

    [Fact]
    public void A_neighbourhood_is_placed_within_its_town()
    {
        var location = Resolve("Damascus - Jobar");
        Assert.True(location.Point!.DistanceKm(new GeoPoint(33.530, 36.335)) < 10);
        Assert.Equal("Damascus", location.Admin1);
    }

    [Fact]
    public void Concurrent_lookups_agree_with_sequential_ones()
    {
        string[] names = ["Manbij", "Hajin", "Kobani", "Azaz", "Tadmur", "Suwayda", "Jarablus", "Douma"];
        var sequential = names.Select(n => ShippedGazetteer.Geocoder.Resolve(new PlaceQuery(n))?.PlaceId).ToArray();
        var parallel = names.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(n => ShippedGazetteer.Geocoder.Resolve(new PlaceQuery(n))?.PlaceId).ToArray();
        Assert.Equal(sequential, parallel);
        Assert.All(sequential, Assert.NotNull);
    }

    [Theory]
    [InlineData("Majdal")]
    [InlineData("Al Majdal")]
    public void Among_namesakes_of_one_key_the_same_spelling_ranks_first(string name)
    {
        var candidates = ShippedGazetteer.Geocoder.Candidates(new PlaceQuery(name, GeoPrecision.Place, "Hama"));
        Assert.True(candidates.Count(c => c.InArea) > 1, "the test needs namesakes in the area");
        Assert.Equal(name, candidates[0].Entry.Name);
    }
}
