using System.CommandLine;
using Marsad.Core.Access;
using Marsad.Core.Analytics;
using Marsad.Core.Reports;
using Marsad.Extraction.Geography;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad report --month YYYY-MM [--actor A] [--admin1 G] --format md|html|pdf [-o FILE]</c>: the
/// monthly report from the record. Markdown and HTML go to standard output without <c>-o</c>; a PDF
/// needs a file. The file is written whole or not at all (a temporary file renamed into place).
/// </summary>
public static class ReportCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var month = new Option<string>("--month") { Description = "The month, YYYY-MM", Required = true };
        var actor = new Option<string?>("--actor") { Description = "Only events involving this canonical actor (actor1, actor2 or associated)" };
        var admin1 = new Option<string?>("--admin1") { Description = "Only events in this governorate" };
        var format = new Option<string>("--format") { Description = "md, html or pdf", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html", "pdf");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (standard output when absent; a PDF needs a file)" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Count months without investigation to this day (default: the month's last day, or today if earlier)", CustomParser = CliParsers.Date };
        var since = new Option<DateOnly?>("--since") { Description = "Start of the actor's operations, for the Nth-month count and running totals (default: the configured start, e.g. 2014-09-23 for the Coalition)", CustomParser = CliParsers.Date };
        var role = new Option<Role>("--role")
        {
            Description = "Whose report: public (the default: published records only, confidential sources and sensitive person fields withheld) or a team role for an internal report marked so on its cover",
            DefaultValueFactory = _ => Role.Public,
        };
        var unreviewed = new Option<bool>("--include-unreviewed") { Description = "Count unreviewed proposals too (the report is then marked as a draft)" };
        var command = new Command("report", "Write the monthly report: headline figures, sections, events, chart, map and consistency checks")
        {
            month, actor, admin1, format, output, asOf, since, unreviewed, role,
        };
        month.Validators.Add(r =>
        {
            if (!ReportMonth.TryParse(r.GetValueOrDefault<string>(), out _))
            {
                r.AddError($"'{r.GetValueOrDefault<string>()}' is not a month (YYYY-MM)");
            }
        });
        command.Validators.Add(r =>
        {
            if (r.GetValue(format) == "pdf" && r.GetValue(output) is null)
            {
                r.AddError("--format pdf needs --output FILE");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            ReportMonth.TryParse(result.GetValue(month), out var chosen);
            var request = new ReportRequest(chosen)
            {
                Actor = result.GetValue(actor), Admin1 = result.GetValue(admin1), ReferenceDate = result.GetValue(asOf),
                Since = result.GetValue(since), IncludeUnreviewed = result.GetValue(unreviewed), Role = result.GetValue(role),
            };
            var report = await new BuildMonthlyReport(store, env.Time).RunAsync(request, cancellationToken);
            var file = result.GetValue(output);
            try
            {
                var written = ReportWriter.Write(report, result.GetValue(format)!, file, LoadAreas(), env.Out.Profile.Out.Writer);
                foreach (var path in written)
                {
                    env.Error.WriteLine($"wrote {path}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                env.WriteError($"{file}: cannot write the report: {ex.Message}");
                return ExitCodes.CannotRun;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The shipped admin areas for the map; none (the map then says so) when the gazetteer is missing.</summary>
    internal static IReadOnlyList<AdminArea> LoadAreas()
    {
        var path = Path.Combine(GazetteerLocator.ShippedDirectory(), GazetteerFiles.AdminAreasFileName);
        return File.Exists(path) ? GazetteerFiles.ReadAdminAreas(path) : [];
    }
}
