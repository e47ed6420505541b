using System.Globalization;
using Marsad.Tests.Support;

namespace Marsad.Bench.Security;

/// <summary>
/// <c>leak-walk</c>: builds the leak site (the demo plus planted secrets) and runs the web tests' leak walk over it
/// (<see cref="LeakWalk"/>: the same code), then prints what it walked and every leak and unwalked route, sorted, so
/// that two runs print the same lines. Exit code 1 when anything leaked or a route was left out.
/// </summary>
internal static class LeakWalkBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var code = await RunAsync(new LeakSite(), "SQLite");
        // The same site served from PostgreSQL, when a server is named (the tests' variable): its SQL masks and searches otherwise.
        if (Environment.GetEnvironmentVariable("MARSAD_TEST_POSTGRES") is { Length: > 0 } server)
        {
            Console.WriteLine();
            code = Math.Max(code, await RunAsync(LeakSite.OnPostgres(CreateDatabase(server)), "PostgreSQL"));
        }
        else
        {
            Console.WriteLine("PostgreSQL: not walked (MARSAD_TEST_POSTGRES is not set)");
        }

        return code;
    }

    /// <summary>A new empty database on the server, named for this run.</summary>
    private static string CreateDatabase(string server)
    {
        var name = "marsad_leakwalk_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<int> RunAsync(LeakSite site, string database)
    {
        try
        {
            await site.InitializeAsync();
            var walk = await LeakWalk.RunAsync(site);
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"leak walk over the OpenAPI document of a local site served from {database}, with {LeakWalk.Planted.Length} planted strings"));
            Console.WriteLine(string.Create(c, $"routes:   {walk.Routes}"));
            Console.WriteLine(string.Create(c, $"roles:    {walk.Roles} ({string.Join(", ", LeakWalk.Roles.Select(r => Core.Access.RoleNames.Name(r)))})"));
            Console.WriteLine(string.Create(c, $"variants: {walk.Variants} (formats and query parameters, summed over routes)"));
            Console.WriteLine(string.Create(c, $"requests: {walk.Requests}"));
            Console.WriteLine(string.Create(c, $"unwalked: {walk.Unwalked.Count}"));
            foreach (var line in walk.Unwalked.Order(StringComparer.Ordinal))
            {
                Console.WriteLine("  " + line);
            }

            Console.WriteLine(string.Create(c, $"leaks:    {walk.Leaks.Count}"));
            foreach (var line in walk.Leaks.Order(StringComparer.Ordinal))
            {
                Console.WriteLine("  " + line);
            }

            // The oracle script's approach: prefix search over text= as the public, against 20 random strings per length.
            var oracle = await LeakWalk.TextOracleAsync(site);
            Console.WriteLine(string.Create(c, $"oracle:   {oracle.Routes.Count} text-filtered routes ({string.Join(", ", oracle.Routes)}), {oracle.Requests} requests, {oracle.Differing.Count} answers that differ from random strings"));
            foreach (var line in oracle.Differing.Order(StringComparer.Ordinal))
            {
                Console.WriteLine("  " + line);
            }

            // The CLI commands that take --role, in every format, as every role.
            var cli = await CliLeakWalk.RunAsync(site);
            Console.WriteLine(string.Create(c, $"cli:      {cli.Commands} command lines ({cli.Commands / LeakWalk.Roles.Length} x {LeakWalk.Roles.Length} roles), {cli.Leaks.Count} leaks"));
            foreach (var line in cli.Leaks.Order(StringComparer.Ordinal))
            {
                Console.WriteLine("  " + line);
            }

            // The control: the editor's answers hold every planted string, so a leak would have been seen.
            var missed = LeakWalk.Planted.Except(walk.SeenByEditor.Intersect(cli.SeenByEditor)).Order(StringComparer.Ordinal).ToList();
            Console.WriteLine(string.Create(c, $"control:  the editor saw {walk.SeenByEditor.Count} of {LeakWalk.Planted.Length} planted strings{(missed.Count == 0 ? "" : "; not seen: " + string.Join(", ", missed))}"));
            return walk.Leaks.Count == 0 && cli.Leaks.Count == 0 && walk.Unwalked.Count == 0 && missed.Count == 0 && oracle.Differing.Count == 0 ? 0 : 1;
        }
        finally
        {
            await site.DisposeAsync();
        }
    }
}
