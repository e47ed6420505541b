using Marsad.Domain.Common;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Extraction.Tests.Geography;

/// <summary>Which named place an event is coded to, with the shipped gazetteer (sentences written for these tests).</summary>
public sealed class EventLocationTests
{
    private static readonly ExtractionEngine Engine = new(ShippedGazetteer.Geocoder, ActorLexicon.Default);

    private static Location LocationOf(string text)
    {
        var result = Engine.Extract(new DocumentInput(text, new DateOnly(2021, 5, 4)));
        return Assert.Single(result.Events).Location!;
    }

    private static GeoPoint PointOf(string place) => ShippedGazetteer.Geocoder.Resolve(new Marsad.Extraction.Geography.PlaceQuery(place))!.Point!;

    [Fact]
    public void A_town_is_preferred_to_a_city_named_like_its_governorate()
    {
        var location = LocationOf("On 3 May 2021, regime forces in Homs clashed with IS fighters near Sukhnah.");
        Assert.True(location.Point!.DistanceKm(PointOf("Sukhnah")) < 1);
        Assert.Equal("Homs", location.Admin1);
    }

    [Fact]
    public void The_city_is_taken_when_the_text_says_city()
    {
        var location = LocationOf("On 3 May 2021, unknown gunmen shot dead a policeman in Homs city.");
        Assert.True(location.Point!.DistanceKm(PointOf("Homs")) < 5);
        Assert.Equal(GeoPrecision.Place, location.Precision);
    }

    [Fact]
    public void A_fighters_home_town_is_not_where_the_event_happened()
    {
        var location = LocationOf("On 3 May 2021, unknown gunmen killed a fighter from Saraqib near Binnish in Idleb.");
        Assert.True(location.Point!.DistanceKm(PointOf("Binnish")) < 1);
    }

    [Fact]
    public void A_road_named_after_a_town_gives_way_to_the_town_beside_it()
    {
        var location = LocationOf("On 3 May 2021, an IED hit a QSD vehicle on the Hajin road near Sosa in Deir ez-Zor. 2 fatalities.");
        Assert.True(location.Point!.DistanceKm(PointOf("Sosa")) < 1);
    }

    [Fact]
    public void Countryside_alone_is_coded_to_the_seat_town_at_region_precision()
    {
        var location = LocationOf("On 3 May 2021, regime forces shelled rebel positions in the southern countryside of Idleb.");
        Assert.Equal(GeoPrecision.Region, location.Precision);
        Assert.Equal("Idleb", location.Admin1);
        Assert.True(location.Point!.DistanceKm(PointOf("Idlib")) < 1);
    }

    [Fact]
    public void An_unknown_village_still_gets_the_governorate_the_report_names()
    {
        var location = LocationOf("On 3 May 2021, unknown gunmen killed a shepherd in the village of Zuqqaytirun. The village lies in Hama governorate.");
        Assert.Equal("Hama", location.Admin1);
        Assert.Equal(GeoPrecision.Region, location.Precision);
        Assert.NotNull(location.Point);
    }

    [Fact]
    public void A_named_gas_field_is_where_the_event_happened_near_its_point()
    {
        // "Koniko" is the text's spelling of the field UCDP writes "Conico"; the village "Kouniko" has only a sub-district centroid.
        var location = LocationOf("On 3 May 2021, Coalition troops and SDF fighters held live-fire drills near the Koniko gas field in the east.");
        Assert.Equal("Koniko", location.Name);
        Assert.Equal(GeoPrecision.NearPlace, location.Precision);
        Assert.True(location.Point!.DistanceKm(PointOf("Conico")) < 1);
    }
}
