using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Domain.Common;
using Marsad.Extraction.Geography;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad places search NAME [--near PLACE] [--within AREA]</c>: the gazetteer's candidates for a name, scored, for coders checking a match.</summary>
public static class PlacesCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var name = new Argument<string>("NAME") { Description = "Place name as a report spells it (any transliteration, or Arabic)" };
        var near = new Option<string?>("--near") { Description = "A place the report also names: candidates close to it score higher" };
        var within = new Option<string?>("--within") { Description = "An area the place must lie in (governorate, district, sub-district or named area)" };
        var limit = new Option<int>("--limit") { Description = "Candidates to show", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print the candidates as JSON" };
        var search = new Command("search", "Show the candidates for a place name with their scores") { name, near, within, limit, json };
        search.SetAction(result =>
        {
            var geocoder = new GazetteerGeocoder(GazetteerLocator.LoadDefault(env.GetVariable));
            var nearPoints = new List<GeoPoint>();
            if (result.GetValue(near) is { } nearName)
            {
                if (geocoder.Resolve(new PlaceQuery(nearName))?.Point is not { } point)
                {
                    env.WriteError($"--near {nearName}: no such place in the gazetteer");
                    return ExitCodes.UsageError;
                }

                nearPoints.Add(point);
            }

            var candidates = geocoder.Candidates(new PlaceQuery(result.GetValue(name)!, GeoPrecision.Place, result.GetValue(within), nearPoints))
                .Take(result.GetValue(limit)).ToList();
            if (result.GetValue(json))
            {
                var rows = candidates.Select(c => new { score = Math.Round(c.Score, 3), name_score = c.NameScore, in_area = c.InArea, nearest_km = c.NearestKm, kind = c.Entry.Kind.ToString(), sources = c.Entry.Sources, confidence = c.Entry.Confidence, location = c.Location });
                env.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
            }
            else if (candidates.Count == 0)
            {
                env.Out.WriteLine("No candidates.");
            }
            else
            {
                env.Out.Profile.Out.Writer.Write(Lines(candidates));
            }

            return candidates.Count == 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        });
        var command = new Command("places", "Look places up in the gazetteer");
        command.Subcommands.Add(search);
        return command;
    }

    // Plain lines, not a table: a coder pastes them into a note, and they fit an 80-column terminal.
    private static string Lines(IEnumerable<PlaceCandidate> candidates)
    {
        var lines = new System.Text.StringBuilder();
        foreach (var c in candidates)
        {
            var l = c.Location;
            lines.Append(CultureInfo.InvariantCulture, $"{c.Score,5:0.00}  {l.Name} [{l.PlaceId}] {c.Entry.Kind.ToString().ToLowerInvariant()}, precision {(int)l.Precision!}{(c.InArea ? string.Empty : ", outside the area")}\n");
            lines.Append(CultureInfo.InvariantCulture, $"       {l.Point!.Latitude:0.0000}, {l.Point.Longitude:0.0000}  {l.Admin1} / {l.Admin2} / {l.Admin3}");
            lines.Append(c.NearestKm is { } km ? string.Create(CultureInfo.InvariantCulture, $"  {km:0.0} km from --near") : string.Empty);
            lines.Append(CultureInfo.InvariantCulture, $"  name {c.NameScore:0.00}, {c.Entry.Sources} ({c.Entry.Confidence})\n");
        }

        return lines.ToString();
    }
}
