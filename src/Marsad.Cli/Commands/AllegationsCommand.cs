using System.CommandLine;
using Marsad.Cli.Registers;
using Marsad.Core.Access;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad allegations list|show|add|update|merge</c>: alleged violations with their figures as ranges and their
/// investigation history; "months without investigation" is computed from that history and today's date.
/// </summary>
public static class AllegationsCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var command = new Command("allegations", "The register of alleged violations and their investigation");
        command.Subcommands.Add(RegisterCommands.List<Allegation>(globals, env, "investigation status: alleged, investigation_requested, under_investigation, responsibility_acknowledged, denied or closed"));
        command.Subcommands.Add(RegisterCommands.Show<Allegation>(globals, env));
        command.Subcommands.Add(CreateAdd(globals, env));
        command.Subcommands.Add(CreateUpdate(globals, env));
        command.Subcommands.Add(RegisterCommands.Merge<Allegation>(globals, env, (m, keep, dup, ctx, ct) => m.MergeAllegationsAsync(keep, dup, ctx, ct)));
        return command;
    }

    private sealed class Fields
    {
        public Option<string?> Summary { get; } = new("--summary") { Description = "What is alleged, in a sentence" };
        public Option<string?> Kind { get; } = new("--kind") { Description = "massacre, indiscriminate strike, torture, enforced disappearance, ..." };
        public Option<DateOnly?> Date { get; } = RegisterCommands.DateOption("--date", "When the violation is alleged to have happened");
        public Option<DateOnly?> DateEnd { get; } = RegisterCommands.DateOption("--date-end", "Last day, for a violation over several days");
        public Option<string?> Place { get; } = new("--place") { Description = "Where" };
        public Option<string?> Admin1 { get; } = new("--admin1") { Description = "The place's governorate" };
        public Option<string?> Perpetrator { get; } = new("--perpetrator") { Description = "The alleged perpetrator" };
        public Option<Quantity?> Killed { get; } = RegisterCommands.RangeOption("--killed", "Deaths");
        public Option<Quantity?> Injured { get; } = RegisterCommands.RangeOption("--injured", "Injured");
        public Option<string[]> Source { get; } = new("--source") { Description = "A source for the allegation, by name (repeatable)" };
        public Option<InvestigationStatus?> Status { get; } = new("--status") { Description = "New investigation status, recorded in the history: alleged, investigationrequested, underinvestigation, responsibilityacknowledged, denied, closed" };
        public Option<DateOnly?> Since { get; } = RegisterCommands.DateOption("--since", "When the new status began (default: today)");
        public Option<string?> Note { get; } = new("--note") { Description = "A note on the status step" };
        public Option<string[]> Event { get; } = new("--event") { Description = "Link an event by its id (repeatable)" };
        public Option<EventStatus?> Review { get; } = new("--review-status") { Description = "extracted, reviewed, verified, published or rejected (publishing needs editor)" };
        public Option<string?> Reason { get; } = new("--reason") { Description = "Why, for the audit trail" };
        public Option<Role> Role { get; } = RegisterCommands.EditRole();

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Summary, Kind, Date, DateEnd, Place, Admin1, Perpetrator, Killed, Injured, Source, Status, Since, Note, Event, Review, Reason, Role })
            {
                command.Options.Add(option);
            }
        }

        public async Task<Allegation> ApplyAsync(ParseResult r, Allegation allegation, IMarsadStore store, DateOnly today, CancellationToken cancellationToken)
        {
            RegisterCommands.Require(r.GetValue(Role), Core.Access.Role.Coder, "changing the register");
            if (r.GetValue(Review) == EventStatus.Published)
            {
                RegisterCommands.Require(r.GetValue(Role), Core.Access.Role.Editor, "publishing");
            }

            var events = await RegisterCommands.EventIdsAsync(store, r.GetValue(Event)!, cancellationToken);
            var quantities = allegation.Quantities.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
            if (r.GetValue(Killed) is { } killed)
            {
                quantities[Quantities.Names.Fatalities] = killed;
            }

            if (r.GetValue(Injured) is { } injured)
            {
                quantities[Quantities.Names.Injured] = injured;
            }

            var date = r.GetValue(Date) is { } start ? new DateSpan(start, r.GetValue(DateEnd) ?? start, TimePrecision.Day) : allegation.Date;
            allegation = allegation with
            {
                Summary = r.GetValue(Summary) ?? allegation.Summary,
                Kind = r.GetValue(Kind) ?? allegation.Kind,
                Date = date,
                Location = RegisterCommands.Place(r.GetValue(Place), r.GetValue(Admin1)) ?? allegation.Location,
                AllegedPerpetrator = r.GetValue(Perpetrator) ?? allegation.AllegedPerpetrator,
                Quantities = new Quantities(quantities),
                Sources = [.. allegation.Sources.Concat(r.GetValue(Source)!.Select(s => s.Trim())).Distinct(StringComparer.Ordinal)],
                EventIds = [.. allegation.EventIds.Concat(events).Distinct()],
                ReviewStatus = r.GetValue(Review) ?? allegation.ReviewStatus,
            };
            if (r.GetValue(Status) is { } status)
            {
                allegation = allegation.WithStep(new InvestigationStep(status, r.GetValue(Since) ?? today, r.GetValue(Note)));
            }
            else if (r.GetValue(Since) is not null || r.GetValue(Note) is not null)
            {
                throw new ArgumentException("--since and --note describe an investigation step: give --status too");
            }

            return allegation;
        }
    }

    private static Command CreateAdd(GlobalOptions globals, CliEnvironment env)
    {
        var fields = new Fields();
        var command = new Command("add", "Add an allegation (--summary required; its history starts 'alleged' on --date)");
        fields.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            return await RegisterCommands.RunAsync(env, async () =>
            {
                var today = Today(env);
                var alleged = result.GetValue(fields.Date) ?? today;
                var blank = new Allegation
                {
                    Id = Guid.NewGuid(),
                    Summary = result.GetValue(fields.Summary) ?? throw new ArgumentException("--summary is required"),
                    History = [new InvestigationStep(InvestigationStatus.Alleged, alleged)],
                    ReviewStatus = EventStatus.Reviewed,
                };
                var allegation = await fields.ApplyAsync(result, blank, store, today, cancellationToken);
                await store.Records.AddAsync(allegation, new ChangeContext(globals.UserName(result, env), result.GetValue(fields.Reason) ?? "added by hand"), cancellationToken);
                env.WriteLine($"allegation {allegation.Id:D} added");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command CreateUpdate(GlobalOptions globals, CliEnvironment env)
    {
        var fields = new Fields();
        var id = RegisterCommands.IdArgument("id");
        var version = new Option<long?>("--version") { Description = "The version you read (from show); the save fails if someone saved since" };
        var command = new Command("update", "Change an allegation: the fields given, and a new investigation step with --status") { id, version };
        fields.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            return await RegisterCommands.RunAsync(env, async () =>
            {
                var current = await RegisterCommands.ResolveAsync<Allegation>(store, result.GetValue(id)!, cancellationToken);
                var updated = await fields.ApplyAsync(result, current.Record, store, Today(env), cancellationToken);
                return await RegisterCommands.SaveAsync(env, store, current, updated, result.GetValue(version), new ChangeContext(globals.UserName(result, env), result.GetValue(fields.Reason)), cancellationToken);
            });
        });
        return command;
    }

    private static DateOnly Today(CliEnvironment env) => new Core.Registers.InvestigationClock(env.Time).Today;
}
