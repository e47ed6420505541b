using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

/// <summary><c>marsad import acled</c> on a file written here: good rows in, bad rows named, exported back as they came.</summary>
public sealed class ImportCommandTests
{
    private const string Header = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";
    private const string Good = "TST2001,07 April 2021,2021,1,Political violence,Battles,Armed clash,Military Forces of Syria (2000-),,1,Unidentified Armed Group (Syria),,3,13,,760,Middle East,Syria,Homs,Homs,Homs,Test Farms,34.7,36.7,1,Local Monitor,Other,\"On 7 April 2021, a test clash near Test Farms. 1 fatality.\",1,,1618000000";
    private const string Bad = "TST2002,2021-04-08,2021,1,Political violence,Battles,Armed clash,Military Forces of Syria (2000-),,1,,,0,10,,760,Middle East,Syria,Homs,Homs,Homs,Test Hill,200,36.7,1,Local Monitor,Other,Test.,0,,1618000001";

    [Fact]
    public async Task Good_rows_are_imported_bad_rows_named_and_the_export_gives_the_rows_back()
    {
        using var folder = new TempFolder();
        folder.Write("acled.csv", $"{Header}\n{Good}\n{Bad}\n");
        var run = await MarsadProcess.RunAsync(folder.Path, "import", "acled", "acled.csv", "--status", "published", "--db", "m.db");
        Assert.Equal(ExitCodes.SomeInputsFailed, run.ExitCode);
        Assert.Contains("2 rows; inserted 1, updated 0, unchanged 0, withdrawn 0; rejected 1 rows", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("marsad: error: row 2 (line 3), column latitude: '200' is not a number from -90 to 90", run.Stderr, StringComparison.Ordinal);

        var export = await MarsadProcess.RunAsync(folder.Path, "events", "--format", "acled", "--role", "public", "--db", "m.db");
        Assert.Equal(0, export.ExitCode);
        Assert.Equal($"{Header}\r\n{Good}\r\n", export.Stdout);

        var again = await MarsadProcess.RunAsync(folder.Path, "import", "acled", "acled.csv", "--db", "m.db");
        Assert.Contains("inserted 0, updated 0, unchanged 1", again.Stdout, StringComparison.Ordinal);
    }
}
