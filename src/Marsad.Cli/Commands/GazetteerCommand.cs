using System.CommandLine;
using System.Globalization;
using Marsad.Core.Gazetteer;
using Marsad.Extraction.Geography;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad gazetteer build</c> (the shipped gazetteer from the open sources) and <c>marsad gazetteer import
/// geonames|csv FILE</c> (a team's own places, into the user gazetteer that loads beside the shipped one).
/// </summary>
public static class GazetteerCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var command = new Command("gazetteer", "The place names Marsad knows: build the shipped gazetteer, import your own places");
        command.Subcommands.Add(Build(env));
        var import = new Command("import", $"Add places to the user gazetteer (MARSAD_GAZETTEER, else $MARSAD_HOME/{GazetteerLocator.UserPlacesFileName}, MARSAD_HOME defaulting to ~/.marsad); they take part in matching at once");
        import.Subcommands.Add(Import(env, "geonames", "A GeoNames country dump (e.g. SY.txt: 19 tab-separated columns)", (file, _) => GeoNamesSource.Read(file)));
        import.Subcommands.Add(Import(env, "csv", "A CSV with name, latitude, longitude and optional id, kind, admin1, admin2, admin3, alternate_names", CsvPlaceSource.Read));
        command.Subcommands.Add(import);
        return command;
    }

    private static Command Build(CliEnvironment env)
    {
        var from = new Option<string>("--from") { Description = "Folder of the open reference sources (boundaries/, gazetteer/, geonames/, ucdp/)", DefaultValueFactory = _ => "../shared/data" };
        var output = new Option<string>("--out") { Description = "Data folder to write gazetteer/ into", DefaultValueFactory = _ => "data" };
        var build = new Command("build", "Build the shipped gazetteer from OCHA, OpenSyria, IOM, GeoNames and UCDP files (never ACLED)") { from, output };
        build.SetAction(result =>
        {
            var report = GazetteerBuilder.Build(result.GetValue(from)!, result.GetValue(output)!);
            env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Gazetteer: {report.AdminAreas} admin areas, {report.Places} places from {report.Drafts} source rows, {report.Bytes / 1024} KiB in {report.Directory}"));
            foreach (var (source, count) in report.PlacesBySource.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {source,-10} {count,6} places"));
            }

            return ExitCodes.Ok;
        });
        return build;
    }

    private static Command Import(CliEnvironment env, string name, string description, Func<string, AdminBoundaries, IEnumerable<PlaceDraft>> read)
    {
        var file = new Argument<string>("FILE") { Description = "File to import" };
        var command = new Command(name, description) { file };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                env.WriteError($"{path}: no such file");
                return ExitCodes.SomeInputsFailed;
            }

            var boundaries = new AdminBoundaries(GazetteerFiles.ReadAdminAreas(Path.Combine(GazetteerLocator.ShippedDirectory(env.GetVariable), GazetteerFiles.AdminAreasFileName)));
            var report = UserGazetteer.Import(read(path, boundaries), GazetteerLocator.UserPlacesFile(env.GetVariable), boundaries);
            env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {report.Read} rows: {report.Added} places added, {report.Replaced} replaced; {report.Total} user places in {report.File}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
