using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Cli.Registers;
using Marsad.Core.Access;
using Marsad.Core.Registers.Persons;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad persons list|show|add|update|merge|duplicates</c>: the register of detained, abducted, missing, killed
/// and injured people and named groups, with status histories; sensitive fields for editors only.
/// </summary>
public static class PersonsCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var command = new Command("persons", "The register of detained, abducted, missing, killed and injured persons and groups");
        command.Subcommands.Add(RegisterCommands.List<Person>(globals, env, "detained, abducted, missing, killed, injured, released, confirmed_dead or remains_found"));
        command.Subcommands.Add(RegisterCommands.Show<Person>(globals, env));
        command.Subcommands.Add(CreateAdd(globals, env));
        command.Subcommands.Add(CreateUpdate(globals, env));
        command.Subcommands.Add(RegisterCommands.Merge<Person>(globals, env, (m, keep, dup, ctx, ct) => m.MergePersonsAsync(keep, dup, ctx, ct)));
        command.Subcommands.Add(CreateDuplicates(globals, env));
        return command;
    }

    /// <summary>The fields add and update share; update changes only those given.</summary>
    private sealed class Fields
    {
        public Option<string?> Name { get; } = new("--name") { Description = "Name as usually written" };
        public Option<string[]> Alias { get; } = new("--alias") { Description = "Another name or spelling (repeatable)", AllowMultipleArgumentsPerToken = false };
        public Option<string?> ArabicName { get; } = new("--arabic-name") { Description = "Name in Arabic script" };
        public Option<PersonStatus?> Status { get; } = new("--status") { Description = "New status, recorded in the history: detained, abducted, missing, killed, injured, released, confirmeddead, remainsfound" };
        public Option<DateOnly?> Since { get; } = RegisterCommands.DateOption("--since", "When the new status began (abducted on, last seen on, released on ...)");
        public Option<string?> Place { get; } = new("--place") { Description = "Where (abducted at, last seen at ...): exact places are for editors only" };
        public Option<string?> Admin1 { get; } = new("--admin1") { Description = "The place's governorate (what others may see of it)" };
        public Option<string?> Note { get; } = new("--note") { Description = "A note on the status step" };
        public Option<Quantity?> Group { get; } = RegisterCommands.RangeOption("--group-size", "For a group: how many");
        public Option<string?> HeldBy { get; } = new("--held-by") { Description = "Who holds the person, if known" };
        public Option<string?> Fate { get; } = new("--fate") { Description = "What is known of the fate, in words" };
        public Option<DateOnly?> Born { get; } = RegisterCommands.DateOption("--born", "Date of birth (sensitive)");
        public Option<string?> Family { get; } = new("--family") { Description = "Family details (sensitive)" };
        public Option<string?> Contacts { get; } = new("--contacts") { Description = "Contacts (sensitive)" };
        public Option<string[]> Event { get; } = new("--event") { Description = "Link an event by its id (repeatable)" };
        public Option<string[]> PublicField { get; } = new("--public-field") { Description = "Release one sensitive field to everyone: last_seen_at, history_places, date_of_birth, family_details, contacts (repeatable; editors)" };
        public Option<bool> MarkPublic { get; } = new("--mark-public") { Description = "Release the whole record: no field withheld (editors)" };
        public Option<bool> MarkSensitive { get; } = new("--mark-sensitive") { Description = "Withhold the sensitive fields again (editors)" };
        public Option<EventStatus?> Review { get; } = new("--review-status") { Description = "extracted, reviewed, verified, published or rejected (publishing needs editor)" };
        public Option<string?> Reason { get; } = new("--reason") { Description = "Why, for the audit trail" };
        public Option<Role> Role { get; } = RegisterCommands.EditRole();

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Name, Alias, ArabicName, Status, Since, Place, Admin1, Note, Group, HeldBy, Fate, Born, Family, Contacts, Event, PublicField, MarkPublic, MarkSensitive, Review, Reason, Role })
            {
                command.Options.Add(option);
            }
        }

        /// <summary>The person with every given option applied; sensitive fields, releases and publishing need an editor.</summary>
        public async Task<Person> ApplyAsync(ParseResult r, Person person, IMarsadStore store, CancellationToken cancellationToken)
        {
            var role = r.GetValue(Role);
            RegisterCommands.Require(role, Core.Access.Role.Coder, "changing the register");
            var sensitive = r.GetValue(Born) is not null || r.GetValue(Family) is not null || r.GetValue(Contacts) is not null || r.GetValue(PublicField)!.Length > 0
                || r.GetValue(MarkPublic) || r.GetValue(MarkSensitive) || r.GetValue(Review) == EventStatus.Published;
            if (sensitive)
            {
                RegisterCommands.Require(role, Core.Access.Role.Editor, "sensitive fields, releasing them and publishing");
            }

            if (r.GetValue(MarkPublic) && r.GetValue(MarkSensitive))
            {
                throw new ArgumentException("--mark-public and --mark-sensitive contradict each other");
            }

            var events = await RegisterCommands.EventIdsAsync(store, r.GetValue(Event)!, cancellationToken);
            person = person with
            {
                Name = r.GetValue(Name) ?? person.Name,
                Aliases = [.. person.Aliases.Concat(r.GetValue(Alias)!).Distinct(StringComparer.Ordinal)],
                ArabicName = r.GetValue(ArabicName) ?? person.ArabicName,
                GroupSize = r.GetValue(Group) ?? person.GroupSize,
                HeldBy = r.GetValue(HeldBy) ?? person.HeldBy,
                Fate = r.GetValue(Fate) ?? person.Fate,
                DateOfBirth = r.GetValue(Born) ?? person.DateOfBirth,
                FamilyDetails = r.GetValue(Family) ?? person.FamilyDetails,
                Contacts = r.GetValue(Contacts) ?? person.Contacts,
                EventIds = [.. person.EventIds.Concat(events).Distinct()],
                PublicFields = [.. person.PublicFields.Concat(r.GetValue(PublicField)!.Select(f => f.Trim().ToLowerInvariant())).Distinct(StringComparer.Ordinal)],
                Sensitive = r.GetValue(MarkPublic) ? false : r.GetValue(MarkSensitive) || person.Sensitive,
                ReviewStatus = r.GetValue(Review) ?? person.ReviewStatus,
            };
            var place = RegisterCommands.Place(r.GetValue(Place), r.GetValue(Admin1));
            if (r.GetValue(Status) is { } status)
            {
                person = person.WithStep(new PersonStatusStep(status, r.GetValue(Since) is { } since ? DateSpan.OnDay(since) : null, place, r.GetValue(Note)));
            }
            else if (r.GetValue(Since) is not null || place is not null || r.GetValue(Note) is not null)
            {
                throw new ArgumentException("--since, --place, --admin1 and --note describe a status step: give --status too");
            }

            return person;
        }
    }

    private static Command CreateAdd(GlobalOptions globals, CliEnvironment env)
    {
        var fields = new Fields();
        var command = new Command("add", "Add a person or a group to the register (status with --status, --since, --place)");
        fields.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            return await RegisterCommands.RunAsync(env, async () =>
            {
                var name = result.GetValue(fields.Name) ?? throw new ArgumentException("--name is required");
                var status = result.GetValue(fields.Status) ?? throw new ArgumentException("--status is required");
                var blank = new Person { Id = Guid.NewGuid(), Name = name, Status = status, ReviewStatus = EventStatus.Reviewed };
                var person = await fields.ApplyAsync(result, blank, store, cancellationToken);
                await store.Records.AddAsync(person, new ChangeContext(globals.UserName(result, env), result.GetValue(fields.Reason) ?? "added by hand"), cancellationToken);
                env.WriteLine($"person {person.Id:D} added");
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
        var command = new Command("update", "Change a person: the fields given, and a new status step with --status") { id, version };
        fields.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            return await RegisterCommands.RunAsync(env, async () =>
            {
                var current = await RegisterCommands.ResolveAsync<Person>(store, result.GetValue(id)!, cancellationToken);
                var updated = await fields.ApplyAsync(result, current.Record, store, cancellationToken);
                var context = new ChangeContext(globals.UserName(result, env), result.GetValue(fields.Reason));
                return await RegisterCommands.SaveAsync(env, store, current, updated, result.GetValue(version), context, cancellationToken);
            });
        });
        return command;
    }

    private static Command CreateDuplicates(GlobalOptions globals, CliEnvironment env)
    {
        var threshold = new Option<double>("--threshold") { Description = "Lowest score proposed (0-1)", DefaultValueFactory = _ => PersonDuplicateFinder.DefaultThreshold };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var role = RegisterCommands.EditRole();
        var command = new Command("duplicates", "Propose merges: persons whose names (any spelling, Arabic script, initials, order) look like one person's") { threshold, json, role };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            return await RegisterCommands.RunAsync(env, async () =>
            {
                RegisterCommands.Require(result.GetValue(role), Role.Editor, "merge proposals");
                var proposals = await new FindPersonDuplicates(store).RunAsync(result.GetValue(threshold), cancellationToken);
                if (result.GetValue(json))
                {
                    env.WriteLine(JsonSerializer.Serialize(proposals, MarsadJson.Indented));
                    return ExitCodes.Ok;
                }

                var table = new Table().Border(TableBorder.Rounded).AddColumn("score").AddColumn("first").AddColumn("second").AddColumn("why");
                var shown = await store.Ids.ShortenAsync(Core.Ids.IdKind.Person, proposals.SelectMany(p => new[] { p.First, p.Second }), cancellationToken);
                foreach (var p in proposals)
                {
                    table.AddRow(p.Score.ToString("F2", CultureInfo.InvariantCulture), Markup.Escape($"{p.FirstName} ({shown[p.First]})"),
                        Markup.Escape($"{p.SecondName} ({shown[p.Second]})"), Markup.Escape(string.Join("; ", p.Reasons)));
                }

                env.Out.Write(table);
                env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{proposals.Count} merge proposals; merge with 'marsad persons merge KEEP DUPLICATE'"));
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
