using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Marsad.Core.Access;
using Marsad.Core.Records;
using Marsad.Core.Registers;
using Marsad.Core.Storage;
using Marsad.Domain.Common;

namespace Marsad.Cli.Registers;

/// <summary>
/// What the <c>persons</c>, <c>claims</c> and <c>allegations</c> commands share: list, show and merge, the role and
/// format options, edits under the record store's audit trail and optimistic concurrency, and their errors.
/// </summary>
internal static class RegisterCommands
{
    public static Option<Role> ReadRole() => new("--role")
    {
        Description = "Whose view: public (published records; persons' sensitive fields withheld), viewer, coder (sensitive fields withheld), editor or admin",
        DefaultValueFactory = _ => Role.Editor,
    };

    public static Option<Role> EditRole() => new("--role")
    {
        Description = "Your role: coders add and change records; sensitive person fields, publishing and merges need editor",
        DefaultValueFactory = _ => Role.Editor,
    };

    public static Command List<T>(GlobalOptions globals, CliEnvironment env, string statusHelp) where T : class
    {
        var status = new Option<string?>("--status") { Description = statusHelp };
        var text = new Option<string?>("--text") { Description = "Words of the record as the role reads it (each a word or the start of one; case and accents aside)" };
        var merged = new Option<bool>("--include-merged") { Description = "Also list records merged into others" };
        var limit = new Option<int>("--limit") { Description = "How many at most", DefaultValueFactory = _ => 1000 };
        var (format, json) = FormatOptions();
        var role = ReadRole();
        var command = new Command("list", $"List the {RegisterOutput.Plural<T>()} as a role sees them") { status, text, merged, limit, format, json, role };
        // Persons also by place, matched on the record as the role reads it (a withheld exact place answers by its governorate only).
        var admin1 = new Option<string?>("--admin1") { Description = "A place in the person's record (last seen, a status step) lies in this governorate" };
        var bbox = new Option<string?>("--bbox") { Description = "A place in the person's record lies in this box: west,south,east,north in degrees" };
        if (typeof(T) == typeof(Domain.Records.Person))
        {
            command.Options.Add(admin1);
            command.Options.Add(bbox);
            command.Validators.Add(r =>
            {
                if (r.GetValue(bbox) is { } box && Core.Events.BoundingBox.TryParse(box) is null)
                {
                    r.AddError("--bbox: west,south,east,north in degrees");
                }
            });
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var query = new RegisterQuery
            {
                Status = result.GetValue(status)?.Trim().Replace(' ', '_').Replace('-', '_').ToLowerInvariant(),
                Text = result.GetValue(text),
                IncludeMerged = result.GetValue(merged),
                Admin1 = typeof(T) == typeof(Domain.Records.Person) ? result.GetValue(admin1) : null,
                Within = typeof(T) == typeof(Domain.Records.Person) ? Core.Events.BoundingBox.TryParse(result.GetValue(bbox)) : null,
                Limit = Math.Max(1, result.GetValue(limit)),
            };
            var items = await store.Registers.ListAsync<T>(query, result.GetValue(role), cancellationToken);
            RegisterOutput.Write(env, items, Format(result, format, json), single: false, await store.Ids.ShortenAsync(IdKindOf<T>(), items.Select(i => Id(i.Record)), cancellationToken));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Show<T>(GlobalOptions globals, CliEnvironment env) where T : class
    {
        var id = IdArgument("id");
        var (format, json) = FormatOptions();
        var role = ReadRole();
        var command = new Command("show", "Show one record with its history, as a role sees it") { id, format, json, role };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            return await RunAsync(env, async () =>
            {
                var item = await store.Registers.FindAsync<T>(result.GetValue(id)!, result.GetValue(role), cancellationToken)
                    ?? throw new RecordNotFoundException($"no {Singular<T>()} '{result.GetValue(id)}' that this role may see");
                RegisterOutput.Write(env, [item], Format(result, format, json), single: true);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    public static Command Merge<T>(GlobalOptions globals, CliEnvironment env, Func<MergeRecords, Guid, Guid, ChangeContext, CancellationToken, Task> merge) where T : class
    {
        var keep = IdArgument("keep");
        keep.Description = "The record to keep (id or 6+ characters of it)";
        var duplicate = IdArgument("duplicate");
        duplicate.Description = "The record that is the same and is merged into it";
        var reason = new Option<string?>("--reason") { Description = "Why, for the audit trail" };
        var role = EditRole();
        var command = new Command("merge", $"Merge a duplicate {Singular<T>()} into the one kept (editors)") { keep, duplicate, reason, role };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            return await RunAsync(env, async () =>
            {
                Require(result.GetValue(role), Role.Editor, "merging records");
                var kept = await ResolveAsync<T>(store, result.GetValue(keep)!, cancellationToken);
                var other = await ResolveAsync<T>(store, result.GetValue(duplicate)!, cancellationToken);
                var context = new ChangeContext(globals.UserName(result, env), result.GetValue(reason));
                await merge(new MergeRecords(store), Id(kept.Record), Id(other.Record), context, cancellationToken);
                env.WriteLine($"{Singular<T>()} {Id(other.Record):D} merged into {Id(kept.Record):D}");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    public static Argument<string> IdArgument(string name) => new(name) { Description = "Record id, or its first 6+ characters" };

    public static (Option<string> Format, Option<bool> Json) FormatOptions()
    {
        var format = new Option<string>("--format") { Description = "table, json or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        return (format, new Option<bool>("--json") { Description = "Same as --format json" });
    }

    public static string Format(ParseResult result, Option<string> format, Option<bool> json) => result.GetValue(json) ? "json" : result.GetValue(format)!;

    /// <summary>The full record (never masked: edits start from the stored state) and its version.</summary>
    public static async Task<RegisterItem<T>> ResolveAsync<T>(IMarsadStore store, string key, CancellationToken cancellationToken) where T : class =>
        await store.Registers.FindAsync<T>(key, Role.Admin, cancellationToken) ?? throw new RecordNotFoundException($"no {Singular<T>()} '{key}'");

    /// <summary>Saves an edit over the version read (or the one named with --version); a newer save by someone else fails it.</summary>
    public static async Task<int> SaveAsync<T>(CliEnvironment env, IMarsadStore store, RegisterItem<T> current, T updated, long? version, ChangeContext context, CancellationToken cancellationToken) where T : class
    {
        var saved = await store.Records.UpdateAsync(updated, version ?? current.Version, context, cancellationToken);
        env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Singular<T>()} {Id(updated):D} saved (version {saved.Version})"));
        return ExitCodes.Ok;
    }

    public static async Task<int> RunAsync(CliEnvironment env, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (RecordNotFoundException ex)
        {
            env.WriteError(ex.Message);
            return ExitCodes.SomeInputsFailed;
        }
        catch (ConcurrencyConflictException ex)
        {
            env.WriteError(ex.Message);
            return ExitCodes.SomeInputsFailed;
        }
        catch (ArgumentException ex)
        {
            // DomainException is an ArgumentException: a value the record cannot take.
            env.WriteError(ex.Message);
            return ExitCodes.UsageError;
        }
    }

    public static void Require(Role role, Role needed, string what)
    {
        if (role < needed)
        {
            throw new ArgumentException($"{what} needs the {needed.ToString().ToLowerInvariant()} role (you are {role.ToString().ToLowerInvariant()})");
        }
    }

    public static Option<DateOnly?> DateOption(string name, string description) => new(name) { Description = description + " (YYYY-MM-DD)", CustomParser = CliParsers.Date };

    public static Option<Quantity?> RangeOption(string name, string description) => new(name) { Description = description + ": N, or LOW-HIGH", CustomParser = Range };

    /// <summary>"200" is exactly 200; "100-200" is between 100 and 200, best unknown; "100+" is at least 100.</summary>
    private static Quantity? Range(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
        var parts = token.TrimEnd('+').Split('-', 2);
        if (parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var low = int.Parse(parts[0], CultureInfo.InvariantCulture);
            if (token.EndsWith('+'))
            {
                return parts.Length == 1 ? new Quantity(low, null, null, token) : null;
            }

            var high = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : low;
            if (high >= low)
            {
                return low == high ? Quantity.Exactly(low, token) : new Quantity(low, null, high, token);
            }
        }

        result.AddError($"'{token}' is not a count (N), a range (LOW-HIGH) or a floor (N+)");
        return null;
    }

    /// <summary>A place typed by hand: its name and, if given, its governorate (what the public may see of it).</summary>
    public static Location? Place(string? name, string? admin1) =>
        string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(admin1) ? null : new Location(name ?? admin1, null, admin1, null, null, null, name is null ? GeoPrecision.Region : GeoPrecision.Place);

    public static Guid Id<T>(T record) => record switch
    {
        Domain.Records.Person p => p.Id,
        Domain.Records.Claim c => c.Id,
        Domain.Records.Allegation a => a.Id,
        _ => throw new NotSupportedException(typeof(T).Name),
    };

    public static Core.Ids.IdKind IdKindOf<T>() =>
        typeof(T) == typeof(Domain.Records.Person) ? Core.Ids.IdKind.Person : typeof(T) == typeof(Domain.Records.Claim) ? Core.Ids.IdKind.Claim : Core.Ids.IdKind.Allegation;

    public static string Singular<T>() => RegisterOutput.Plural<T>().TrimEnd('s');

    /// <summary>Links to events, by their full ids; each must exist.</summary>
    public static async Task<IReadOnlyList<Guid>> EventIdsAsync(IMarsadStore store, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        foreach (var key in keys)
        {
            ids.Add(await store.Ids.ResolveAsync(Core.Ids.IdKind.Event, key, cancellationToken));
        }

        return ids;
    }
}
