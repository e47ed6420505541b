using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Extraction.Tests.Geography;

public sealed class GeocoderPrecisionTests
{
    private static Location Resolve(string name, GeoPrecision precision = GeoPrecision.Place) =>
        ShippedGazetteer.Geocoder.Resolve(new PlaceQuery(name, precision))
        ?? throw new Xunit.Sdk.XunitException($"'{name}' did not resolve");

    [Theory]
    [InlineData("outskirts of Manbij")]
    [InlineData("near Manbij")]
    [InlineData("the Manbij frontline")]
    public void Near_wording_gives_precision_2_at_the_place(string text)
    {
        var location = Resolve(text);
        Assert.Equal(GeoPrecision.NearPlace, location.Precision);
        Assert.True(location.Point!.DistanceKm(Resolve("Manbij").Point!) < 1);
    }

    [Fact]
    public void Near_precision_asked_by_the_caller_is_kept() =>
        Assert.Equal(GeoPrecision.NearPlace, Resolve("Hajin", GeoPrecision.NearPlace).Precision);

    [Theory]
    [InlineData("Idlib countryside", "Idleb", "Idlib")]
    [InlineData("countryside of Idlib", "Idleb", "Idlib")]
    [InlineData("north-eastern desert of Deir ez-Zor", "Deir-ez-Zor", "Deir ez-Zor")]
    [InlineData("rural Aleppo", "Aleppo", "Aleppo")]
    public void Region_wording_gives_precision_3_at_the_seat_town_of_the_region(string text, string governorate, string seat)
    {
        var location = Resolve(text);
        Assert.Equal(GeoPrecision.Region, location.Precision);
        Assert.Equal(governorate, location.Admin1);
        Assert.True(location.Point!.DistanceKm(Resolve(seat).Point!) < 1, "a region is coded to the town it is named after");
    }

    [Fact]
    public void Region_precision_asked_by_the_caller_prefers_the_admin_area()
    {
        var region = Resolve("Idlib", GeoPrecision.Region);
        var town = Resolve("Idlib");
        Assert.Equal(GeoPrecision.Region, region.Precision);
        Assert.Equal(GeoPrecision.Place, town.Precision);
        Assert.Null(region.Admin2);
        Assert.NotNull(town.Admin2);
    }

    [Fact]
    public void Any_point_gets_its_admin_areas_by_point_in_polygon()
    {
        var location = ShippedGazetteer.Geocoder.Describe(new GeoPoint(36.65, 38.0), GeoPrecision.Place, "somewhere west of the Euphrates");
        Assert.Equal("Aleppo", location.Admin1);
        Assert.NotNull(location.Admin2);
        Assert.NotNull(location.Admin3);
    }
}
