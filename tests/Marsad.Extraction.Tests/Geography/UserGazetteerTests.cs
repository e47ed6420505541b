using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Extraction.Tests.Geography;

public sealed class UserGazetteerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("marsad-gazetteer-").FullName;

    [Fact]
    public void Places_in_a_user_file_take_part_in_matching()
    {
        var userFile = Path.Combine(folder, GazetteerLocator.UserPlacesFileName);
        var farm = new GazetteerEntry("user:1", "Mazraat Abu Qwzzdi", PlaceKind.Village, new GeoPoint(35.41, 40.31), null, null, null,
            0, 1, "user", "user", ["مزرعة أبو قوزدي", "Abu Kuzzdi Farm"]);
        GazetteerFiles.WritePlaces(userFile, [farm]);

        var geocoder = new GazetteerGeocoder(Gazetteer.Load(GazetteerLocator.ShippedDirectory(_ => null), userFile));

        Assert.Equal("user:1", geocoder.Resolve(new PlaceQuery("Mazraet Abou Qwzzdi"))?.PlaceId);
        Assert.Equal("user:1", geocoder.Resolve(new PlaceQuery("مزرعة ابو قوزدي"))?.PlaceId);
        Assert.Single(geocoder.FindNames("Drones struck Mazraat Abu Qwzzdi at dawn."));
    }

    [Fact]
    public void The_places_file_round_trips()
    {
        var path = Path.Combine(folder, "places.tsv.gz");
        var entry = new GazetteerEntry("C9999", "Tal Test", PlaceKind.Town, new GeoPoint(36.1, 38.2), "SY02", "SY0200", "SY020000",
            1234, 3.5, "high", "iom+ucdp", ["Tell Test", "تل تست"]);
        GazetteerFiles.WritePlaces(path, [entry]);
        var read = Assert.Single(GazetteerFiles.ReadPlaces(path));
        Assert.Equal(entry.Id, read.Id);
        Assert.Equal(entry.Point, read.Point);
        Assert.Equal(entry.AlternateNames.ToArray(), read.AlternateNames.ToArray());
        Assert.Equal(entry.Admin3, read.Admin3);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
