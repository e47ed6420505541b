using Marsad.Core.Gazetteer;

namespace Marsad.Core.Tests.Gazetteer;

/// <summary>
/// UCDP 2019 is the test split of the UCDP evaluation: a place named only in 2019 rows must not reach the
/// shipped gazetteer, or the geocoder would be tuned on the answers it is scored against. Rows are fictional.
/// </summary>
public sealed class UcdpSourceTests
{
    private const string Header = "year,where_prec,where_coordinates,latitude,longitude\n";

    [Fact]
    public void Places_named_only_after_the_last_year_are_left_out()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ged.csv", Header
            + "2017,1,Kafr Zamzam village,35.1,36.2\n"
            + "2018,1,Kafr Zamzam village,35.1,36.2\n"
            + "2019,1,Tell Barqouq town,34.9,37.4\n");

        var names = UcdpSource.Read(path, GazetteerBuilder.LastUcdpYear).Select(d => d.Name).ToList();

        Assert.Equal(["Kafr Zamzam"], names);
        Assert.Equal(2, UcdpSource.Read(path, GazetteerBuilder.LastUcdpYear).Single().Mentions);
    }
}
