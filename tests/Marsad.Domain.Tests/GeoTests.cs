using Marsad.Domain.Common;

namespace Marsad.Domain.Tests;

public sealed class GeoTests
{
    [Theory]
    [InlineData(90.0001, 0)]
    [InlineData(-91, 0)]
    [InlineData(0, 180.5)]
    [InlineData(0, -181)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.NaN)]
    public void Coordinates_out_of_range_are_refused(double lat, double lon) =>
        Assert.Throws<DomainException>(() => new GeoPoint(lat, lon));

    [Fact]
    public void Distance_between_two_known_towns_is_about_right()
    {
        var deirEzZor = new GeoPoint(35.336, 40.141);
        var mayadin = new GeoPoint(35.019, 40.451);
        Assert.InRange(deirEzZor.DistanceKm(mayadin), 43, 47);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Geo_precision_outside_acled_codes_is_refused(int code) =>
        Assert.Throws<DomainException>(() => new Location("Hajin", null, "Deir-ez-Zor", null, null, new GeoPoint(34.69, 40.83), (GeoPrecision)code));

    [Fact]
    public void A_point_needs_a_precision() =>
        Assert.Throws<DomainException>(() => new Location("Hajin", null, null, null, null, new GeoPoint(34.69, 40.83), null));

    [Fact]
    public void A_location_needs_something_to_locate() =>
        Assert.Throws<DomainException>(() => new Location(" ", null, null, null, null, null, null));

    [Fact]
    public void A_named_place_not_yet_on_the_map_is_allowed()
    {
        var place = new Location("Sohat Al-Bufirio", null, null, null, null, null, null);
        Assert.Null(place.Point);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(5, 4)]
    public void Text_spans_must_be_forward_and_non_negative(int start, int end) =>
        Assert.Throws<DomainException>(() => new TextSpan(start, end));
}
