using System.CommandLine;
using Marsad.Cli.Registers;
using Marsad.Core.Access;
using Marsad.Core.Storage;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad claims list|show|add|update|merge</c>: parties' statements and the verdicts on them, with the evidence and who decided.</summary>
public static class ClaimsCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var command = new Command("claims", "The register of parties' claims and the verdicts on them");
        command.Subcommands.Add(RegisterCommands.List<Claim>(globals, env, "verdict: true, false, misleading or unverified"));
        command.Subcommands.Add(RegisterCommands.Show<Claim>(globals, env));
        command.Subcommands.Add(CreateAdd(globals, env));
        command.Subcommands.Add(CreateUpdate(globals, env));
        command.Subcommands.Add(RegisterCommands.Merge<Claim>(globals, env, (m, keep, dup, ctx, ct) => m.MergeClaimsAsync(keep, dup, ctx, ct)));
        return command;
    }

    private sealed class Fields
    {
        public Option<string?> Claimant { get; } = new("--claimant") { Description = "Who claimed (a ministry, an outlet, an armed group)" };
        public Option<string?> Statement { get; } = new("--statement") { Description = "What was claimed" };
        public Option<DateOnly?> Date { get; } = RegisterCommands.DateOption("--date", "When it was claimed");
        public Option<string?> Place { get; } = new("--place") { Description = "Where it was claimed, or the place it is about" };
        public Option<string?> Admin1 { get; } = new("--admin1") { Description = "The place's governorate" };
        public Option<Verdict?> Verdict { get; } = new("--verdict") { Description = "true, false, misleading or unverified" };
        public Option<string?> Evidence { get; } = new("--evidence") { Description = "The evidence for the verdict" };
        public Option<string?> DecidedBy { get; } = new("--decided-by") { Description = "Who decided the verdict (default: you, when --verdict is given)" };
        public Option<DateOnly?> DecidedOn { get; } = RegisterCommands.DateOption("--decided-on", "When the verdict was decided (default: today, when --verdict is given)");
        public Option<string[]> Event { get; } = new("--event") { Description = "Link an event the claim is about, by its id (repeatable)" };
        public Option<EventStatus?> Review { get; } = new("--review-status") { Description = "extracted, reviewed, verified, published or rejected (publishing needs editor)" };
        public Option<string?> Reason { get; } = new("--reason") { Description = "Why, for the audit trail" };
        public Option<Role> Role { get; } = RegisterCommands.EditRole();

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Claimant, Statement, Date, Place, Admin1, Verdict, Evidence, DecidedBy, DecidedOn, Event, Review, Reason, Role })
            {
                command.Options.Add(option);
            }
        }

        public async Task<Claim> ApplyAsync(ParseResult r, Claim claim, IMarsadStore store, string user, DateOnly today, CancellationToken cancellationToken)
        {
            RegisterCommands.Require(r.GetValue(Role), Core.Access.Role.Coder, "changing the register");
            if (r.GetValue(Review) == EventStatus.Published)
            {
                RegisterCommands.Require(r.GetValue(Role), Core.Access.Role.Editor, "publishing");
            }

            var events = await RegisterCommands.EventIdsAsync(store, r.GetValue(Event)!, cancellationToken);
            var verdict = r.GetValue(Verdict);
            return claim with
            {
                Claimant = r.GetValue(Claimant) ?? claim.Claimant,
                Statement = r.GetValue(Statement) ?? claim.Statement,
                Date = r.GetValue(Date) ?? claim.Date,
                Place = RegisterCommands.Place(r.GetValue(Place), r.GetValue(Admin1)) ?? claim.Place,
                Verdict = verdict ?? claim.Verdict,
                VerdictReason = r.GetValue(Evidence) ?? claim.VerdictReason,
                // A new verdict is decided by whoever gives it, on the day given, unless told otherwise.
                VerdictBy = r.GetValue(DecidedBy) ?? (verdict is null ? claim.VerdictBy : user),
                VerdictOn = r.GetValue(DecidedOn) ?? (verdict is null ? claim.VerdictOn : today),
                EventIds = [.. claim.EventIds.Concat(events).Distinct()],
                Status = r.GetValue(Review) ?? claim.Status,
            };
        }
    }

    private static Command CreateAdd(GlobalOptions globals, CliEnvironment env)
    {
        var fields = new Fields();
        var command = new Command("add", "Add a claim (--claimant and --statement required)");
        fields.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            return await RegisterCommands.RunAsync(env, async () =>
            {
                var blank = new Claim
                {
                    Id = Guid.NewGuid(),
                    Claimant = result.GetValue(fields.Claimant) ?? throw new ArgumentException("--claimant is required"),
                    Statement = result.GetValue(fields.Statement) ?? throw new ArgumentException("--statement is required"),
                    Status = EventStatus.Reviewed,
                };
                var user = globals.UserName(result, env);
                var claim = await fields.ApplyAsync(result, blank, store, user, Today(env), cancellationToken);
                await store.Records.AddAsync(claim, new ChangeContext(user, result.GetValue(fields.Reason) ?? "added by hand"), cancellationToken);
                env.WriteLine($"claim {claim.Id:D} added");
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
        var command = new Command("update", "Change a claim: the fields given (a new --verdict records who decided and when)") { id, version };
        fields.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            return await RegisterCommands.RunAsync(env, async () =>
            {
                var current = await RegisterCommands.ResolveAsync<Claim>(store, result.GetValue(id)!, cancellationToken);
                var user = globals.UserName(result, env);
                var updated = await fields.ApplyAsync(result, current.Record, store, user, Today(env), cancellationToken);
                return await RegisterCommands.SaveAsync(env, store, current, updated, result.GetValue(version), new ChangeContext(user, result.GetValue(fields.Reason)), cancellationToken);
            });
        });
        return command;
    }

    private static DateOnly Today(CliEnvironment env) => new Core.Registers.InvestigationClock(env.Time).Today;
}
