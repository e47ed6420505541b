using Spectre.Console;

namespace Marsad.Cli.Tests;

public sealed class GazetteerCommandTests
{
    [Fact]
    public async Task Imported_csv_places_are_found_by_places_search_at_once()
    {
        using var folder = new TempFolder();
        var csv = folder.Write("farms.csv",
            "name,latitude,longitude,admin3,alternate_names\n" +
            "Mazraat Qwzzdi,35.4100,40.3100,,Qwzzdi Farm|مزرعة قوزدي\n");
        var env = Environment(folder, out var stdout);

        Assert.Equal(0, await MarsadCli.RunAsync(["gazetteer", "import", "csv", csv], env));
        Assert.Contains("1 places added", stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("home/user-places.tsv")));

        stdout.GetStringBuilder().Clear();
        Assert.Equal(0, await MarsadCli.RunAsync(["places", "search", "Mazraet Qwzzdi"], env));
        var output = stdout.ToString();
        Assert.Contains("Mazraat Qwzzdi", output, StringComparison.Ordinal);
        Assert.Contains("Deir-ez-Zor", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_geonames_dump_imports_places_and_spots_but_not_admin_divisions()
    {
        using var folder = new TempFolder();
        var dump = folder.Write("SY.txt", string.Join('\n',
            "99000001\tQurayyat Zuhrun\tQurayyat Zuhrun\tQrayat Zuhroun,قريات زهرون\t36.1000\t38.1000\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2024-01-01",
            "99000002\tZuhrun Airstrip\tZuhrun Airstrip\t\t36.1200\t38.1200\tS\tAIRF\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2024-01-01",
            "99000003\tMuhafazat Zuhrun\tMuhafazat Zuhrun\t\t36.0\t38.0\tA\tADM1\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2024-01-01"));
        var env = Environment(folder, out var stdout);

        Assert.Equal(0, await MarsadCli.RunAsync(["gazetteer", "import", "geonames", dump], env));
        Assert.Contains("Imported 2 rows", stdout.ToString(), StringComparison.Ordinal);

        stdout.GetStringBuilder().Clear();
        Assert.Equal(0, await MarsadCli.RunAsync(["places", "search", "قريات زهرون"], env));
        Assert.Contains("[geonames:99000001]", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Places_search_lists_homonyms_with_the_one_near_the_given_place_first()
    {
        using var folder = new TempFolder();
        var env = Environment(folder, out var stdout);

        Assert.Equal(0, await MarsadCli.RunAsync(["places", "search", "Salhiyeh", "--near", "Hasakah", "--limit", "3"], env));
        var first = stdout.ToString().Split('\n')[1];
        Assert.Contains("Al-Hasakeh", first, StringComparison.Ordinal);
        Assert.Contains("km from --near", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_name_exits_1_and_says_so()
    {
        using var folder = new TempFolder();
        var env = Environment(folder, out var stdout);

        Assert.Equal(1, await MarsadCli.RunAsync(["places", "search", "Qwxzzy Plonk"], env));
        Assert.Contains("No candidates", stdout.ToString(), StringComparison.Ordinal);
    }

    private static CliEnvironment Environment(TempFolder folder, out StringWriter stdout)
    {
        stdout = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        var home = folder.File("home");
        return new CliEnvironment(console, new StringWriter(), TimeProvider.System, name => name == "MARSAD_HOME" ? home : null, Interactive: false);
    }
}
