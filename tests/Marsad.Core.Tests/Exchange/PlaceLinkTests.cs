using Marsad.Core.Exchange.Formats;
using Marsad.Core.Exchange.Import;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Extraction.Geography;
using static Marsad.Core.Tests.Exchange.ExchangeFiles;

namespace Marsad.Core.Tests.Exchange;

/// <summary>Imported places link to the gazetteer only where the gazetteer's place lies where the row says.</summary>
public sealed class PlaceLinkTests
{
    [Fact]
    public async Task A_place_links_when_the_gazetteer_puts_it_near_the_rows_point_and_not_otherwise()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var gazetteer = new Gazetteer(new()
        {
            ["Kafr Test"] = new Location("Kafr Test", "SY0001", "Hama", null, null, new GeoPoint(35.13, 36.70), GeoPrecision.Place),
            ["Test Orchard"] = new Location("Test Orchard", "SY0002", "Idleb", null, null, new GeoPoint(36.5, 37.5), GeoPrecision.Place),
        });
        await new ImportDataset(store, gazetteer).RunAsync(Csv(AcledHeader, AcledRows), AcledFormat.Instance, new DatasetImportOptions(EventStatus.Extracted, false, "tester"));

        Assert.Equal("SY0001", (await store.Records.GetAsync<ConflictEvent>(ExchangeText.StableId("acled", "TST1001")))!.Value.Location!.PlaceId);
        var far = (await store.Records.GetAsync<ConflictEvent>(ExchangeText.StableId("acled", "TST1002")))!.Value.Location!;
        Assert.Null(far.PlaceId);
        Assert.Equal(new GeoPoint(35.8, 36.61), far.Point);
        Assert.Equal(["Hama", "Idleb"], gazetteer.AskedWithin.Order());
    }

    private sealed class Gazetteer(Dictionary<string, Location> places) : IGeocoder
    {
        public List<string?> AskedWithin { get; } = [];

        public IReadOnlyList<PlaceMatch> FindNames(string text) => [];

        public Location? Resolve(PlaceQuery query)
        {
            if (!places.TryGetValue(query.Name, out var place))
            {
                return null;
            }

            AskedWithin.Add(query.WithinArea);
            return place;
        }
    }
}
