using System.CommandLine;
using System.Globalization;
using System.Text;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Events.Filters;
using Marsad.Core.Exchange;
using Marsad.Domain.Events;
using Marsad.Cli.Output;
using Marsad.Core.Ids;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad events</c>: list and filter events as a table or an export format, as a given role sees them.</summary>
public static class EventsCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var from = new Option<DateOnly?>("--from") { Description = "Events whose dates reach this day or later (YYYY-MM-DD)", CustomParser = CliParsers.Date };
        var to = new Option<DateOnly?>("--to") { Description = "Events whose dates start this day or earlier (YYYY-MM-DD)", CustomParser = CliParsers.Date };
        var type = new Option<string?>("--type") { Description = "ACLED event type, e.g. \"Explosions/Remote violence\"" };
        var subType = new Option<string?>("--sub-type") { Description = "ACLED sub-event type, e.g. \"Air/drone strike\"" };
        var actor = new Option<string?>("--actor") { Description = "Actor (actor1, actor2 or associated): any name the lexicon knows, e.g. SDF, ISIS, Turkey" };
        var admin1 = new Option<string?>("--admin1") { Description = "Governorate, any spelling (Idlib, Idleb)" };
        var admin2 = new Option<string?>("--admin2") { Description = "District" };
        var status = new Option<EventStatus?>("--status") { Description = "extracted, reviewed, verified, published or rejected" };
        var grade = new Option<Grade?>("--grade") { Description = "confirmed, fair, weak, contested or discounted" };
        var text = new Option<string?>("--text") { Description = "Text in the event's summary or place" };
        var limit = new Option<int>("--limit") { Description = "How many events at most", DefaultValueFactory = _ => 1000 };
        var format = new Option<string>("--format") { Description = $"table or an export format: {string.Join(", ", EventExportFormats.Names)} (exports stream every matching event unless --limit is given)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(["table", .. EventExportFormats.Names]);
        var role = new Option<Role>("--role") { Description = "Whose view: public (published events, no confidential sources), viewer, coder, editor or admin", DefaultValueFactory = _ => Role.Editor };
        var command = new Command("events", "List and filter events; export them as JSON, CSV, GeoJSON, ACLED, UCDP, HXL or JSON Lines")
        {
            from, to, type, subType, actor, admin1, admin2, status, grade, text, limit, format, role,
        };
        command.Subcommands.Add(EventStatusCommand.Create(globals, env));
        command.Subcommands.Add(EventShowCommand.Create(globals, env));
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var query = new EventQuery
            {
                From = result.GetValue(from), To = result.GetValue(to), EventType = result.GetValue(type), SubEventType = result.GetValue(subType),
                Actor = result.GetValue(actor), Admin1 = result.GetValue(admin1), Admin2 = result.GetValue(admin2), Status = result.GetValue(status),
                Grade = result.GetValue(grade), Text = result.GetValue(text), Limit = Math.Max(1, result.GetValue(limit)),
            };
            try
            {
                query = ForgivingFilters.Default.Canonical(query);
            }
            catch (UnknownFilterValueException ex)
            {
                env.WriteError(ex.Message);
                return ExitCodes.UsageError;
            }

            var chosen = result.GetValue(format)!;
            if (chosen == "table")
            {
                var items = await store.Events.ListAsync(query, result.GetValue(role), cancellationToken);
                env.Out.Write(EventTable.Of(items, await CliIds.ShortAsync(store, IdKind.Event, items.Select(i => i.Event.Id), cancellationToken)));
                env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{items.Count} events"));
            }
            else
            {
                var streamed = store.Events.StreamJsonAsync(query, result.GetValue(role), cancellationToken);
                if (result.GetResult(limit) is { Implicit: false })
                {
                    streamed = streamed.Take(query.Limit);
                }

                var urls = (await store.Sources.ListAsync(result.GetValue(role), cancellationToken)).ToDictionary(s => s.Name, s => s.Url);
                var writer = env.Out.Profile.Out.Writer;
                await writer.FlushAsync(cancellationToken);
                if (env.StandardOutput is { } open)
                {
                    // Straight to standard output's stream through one buffer (the console's writer flushes every write).
                    writer = new StreamWriter(open(), new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
                }

                await EventExporter.WriteAsync(writer, streamed, EventExportFormats.Parse(chosen)!.Value, urls, cancellationToken);
                await writer.FlushAsync(cancellationToken);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
