using Marsad.Core.Access;
using Marsad.Core.Exchange;

namespace Marsad.Tests.Support;

/// <summary>What the CLI walk did: command lines run, and each planted string one printed (output or error) to a role that may not read it.</summary>
public sealed record CliLeakWalkResult(int Commands, IReadOnlyList<string> Leaks, IReadOnlySet<string> SeenByEditor);

/// <summary>
/// The leak walk's other half: every CLI command that takes <c>--role</c> to pick a view (events in every export format,
/// events show, the three registers' list and show in every format, sources, the monthly report as Markdown and HTML),
/// as every role, with and without a text search for the confidential name, on the leak site's database; output and
/// error messages alike are looked through with <see cref="LeakWalk.Leaks"/>.
/// </summary>
public static class CliLeakWalk
{
    public static async Task<CliLeakWalkResult> RunAsync(LeakSite site, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        var database = site.Site.Store.Target.Value;
        var ids = site.Ids.Select(id => id.ToString("D")).Distinct(StringComparer.Ordinal).ToList();
        var lines = new List<string[]>();
        foreach (var format in new[] { "table" }.Concat(EventExportFormats.Names))
        {
            lines.Add(["events", "--format", format]);
            lines.Add(["events", "--format", format, "--text", LeakSite.Secret]);
        }

        lines.Add(["events", "show", .. ids]);
        foreach (var register in new[] { "persons", "claims", "allegations" })
        {
            foreach (var format in new[] { "table", "json", "csv" })
            {
                lines.Add([register, "list", "--format", format]);
                lines.Add([register, "list", "--format", format, "--text", LeakSite.Secret]);
                lines.AddRange(ids.Select(id => new[] { register, "show", id, "--format", format }));
            }
        }

        lines.Add(["sources", "list"]);
        lines.Add(["sources", "list", "--json"]);
        lines.Add(["report", "--month", "2023-03", "--format", "md"]);
        lines.Add(["report", "--month", "2023-03", "--format", "html"]);

        var leaks = new List<string>();
        var seenByEditor = new HashSet<string>(StringComparer.Ordinal);
        var commands = 0;
        foreach (var role in LeakWalk.Roles)
        {
            foreach (var line in lines)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (_, output, error) = await DemoSite.CliAsync(["--db", database, .. line, "--role", RoleNames.Name(role)]);
                commands++;
                var said = output + "\n" + error;
                leaks.AddRange(LeakWalk.Leaks(said, role).Select(l => $"{RoleNames.Name(role)} marsad {Shorten(line)}: {l}"));
                if (role == Role.Editor)
                {
                    seenByEditor.UnionWith(LeakWalk.Leaks(said, Role.Public));
                }
            }
        }

        return new CliLeakWalkResult(commands, leaks, seenByEditor);
    }

    private static string Shorten(string[] line) => line.Length > 8 ? string.Join(' ', line[..8]) + $" ... ({line.Length - 8} more)" : string.Join(' ', line);
}
