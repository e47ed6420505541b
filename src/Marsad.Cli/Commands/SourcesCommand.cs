using System.CommandLine;
using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Sources;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Documents;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad sources list|set</c>: the register of outlets, field networks and named sources.</summary>
public static class SourcesCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var command = new Command("sources", "The outlets, field networks and named sources that reports come from");
        command.Subcommands.Add(CreateList(globals, env));
        command.Subcommands.Add(CreateSet(globals, env));
        return command;
    }

    private static Command CreateList(GlobalOptions globals, CliEnvironment env)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var role = new Option<Role>("--role") { Description = "Whose view (confidential sources are listed for editors and admins only)", DefaultValueFactory = _ => Role.Editor };
        var list = new Command("list", "List the sources") { json, role };
        list.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var sources = await store.Sources.ListAsync(result.GetValue(role), cancellationToken);
            if (result.GetValue(json))
            {
                env.WriteLine(JsonSerializer.Serialize(sources, MarsadJson.Indented));
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("name").AddColumn("kind").AddColumn("confidential").AddColumn("documents").AddColumn("reliability");
            foreach (var s in sources)
            {
                table.AddRow(Markup.Escape(s.Name), s.Kind.ToString(), s.Confidential ? "yes" : "no", s.Documents.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.ReliabilityNote ?? ""));
            }

            env.Out.Write(table);
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateSet(GlobalOptions globals, CliEnvironment env)
    {
        var name = new Argument<string>("name") { Description = "Source name (matched whatever its case)" };
        var kind = new Option<SourceKind?>("--kind") { Description = "Outlet, FieldNetwork or NamedSource (a new source: Outlet; else unchanged)" };
        var confidential = new Option<bool?>("--confidential") { Description = "Keep its identity from everyone but editors and admins ('--confidential false' makes it public; left out: unchanged)", Arity = ArgumentArity.ZeroOrOne };
        var url = new Option<string?>("--url") { Description = "Where the source publishes" };
        var note = new Option<string?>("--reliability") { Description = "A note on how reliable the source has been" };
        var set = new Command("set", "Add a source or change one") { name, kind, confidential, url, note };
        set.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var saved = await new SetSource(store).RunAsync(result.GetValue(name)!, result.GetValue(kind), result.GetValue(confidential), result.GetValue(url), result.GetValue(note),
                new ChangeContext(globals.UserName(result, env), null), cancellationToken);
            env.WriteLine($"Source '{saved.Name}' saved ({saved.Kind}{(saved.Confidential ? ", confidential" : "")}).");
            return ExitCodes.Ok;
        });
        return set;
    }
}
