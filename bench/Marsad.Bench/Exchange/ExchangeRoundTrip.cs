using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Marsad.Bench.Extraction;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Exchange;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Exchange.Import;
using Marsad.Core.Storage;
using Marsad.Domain.Events;

namespace Marsad.Bench.Exchange;

/// <summary>
/// <c>import-real</c>: each real ACLED and UCDP file of ../shared/data, read at run time, imported into its
/// own new SQLite database, then exported in its own format and compared with the file field by field (row by
/// row id, column by column, as text). Prints rows, rejected rows, the import rate measured inside the process from
/// the first row read to the commit (wall and the process's CPU time: the machine may be shared), and every difference.
/// With --postgres SERVER (a server where this role may create databases) each file goes into a new PostgreSQL
/// database instead, dropped afterwards. Each file is imported in a new process of its own (--file names one).
/// </summary>
internal static class ExchangeRoundTrip
{
    public static async Task<int> RunAsync(string[] args)
    {
        var bench = new BenchArgs(args);
        var shown = bench.Int("--show", 10);
        var server = bench.String("--postgres");
        (string File, IDatasetFormat Format, EventExportFormat Export, string Key)[] files =
        [
            ("acled/acled-syria-2022h1-all-types.csv", AcledFormat.Instance, EventExportFormat.Acled, "event_id_cnty"),
            ("acled/acled-syria-battles-2017-2023.csv", AcledFormat.Instance, EventExportFormat.Acled, "event_id_cnty"),
            ("ucdp/ucdp-ged-syria-2016-2019.csv", UcdpFormat.Instance, EventExportFormat.Ucdp, "id"),
        ];
        // Each file in a process of its own, as `marsad import` runs: an import earlier in the same process would
        // have compiled the import path (tiered JIT) before the timed one, a warm-up no user gets.
        if (bench.String("--file") is not { } only)
        {
            var exit = 0;
            foreach (var (file, _, _, _) in files)
            {
                exit = Math.Max(exit, await RunAloneAsync(args, file));
            }

            return exit;
        }

        if (!files.Any(f => f.File == only))
        {
            Console.Error.WriteLine($"import-real: --file {only} is none of {string.Join(", ", files.Select(f => f.File))}");
            return 2;
        }

        var failed = false;
        foreach (var (file, format, export, key) in files.Where(f => f.File == only))
        {
            var path = SharedData.PathOf("data", file);
            var folder = Directory.CreateTempSubdirectory("marsad-exchange-").FullName;
            var database = server is null ? null : "marsad_import_" + Guid.NewGuid().ToString("N")[..12];
            try
            {
                var target = server is null
                    ? new DatabaseTarget(DatabaseProvider.Sqlite, Path.Combine(folder, "import.db"))
                    : new DatabaseTarget(DatabaseProvider.PostgreSql, await CreateDatabaseAsync(server, database!));
                var store = await MarsadStorage.OpenAsync(target, TimeProvider.System);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                ImportSummary summary;
                await using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
                {
                    summary = await new ImportDataset(store).RunAsync(input, format, new DatasetImportOptions(EventStatus.Extracted, false, "bench"));
                }

                var seconds = clock.Elapsed.TotalSeconds;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                var exported = Path.Combine(folder, "export.csv");
                clock.Restart();
                await using (var output = new StreamWriter(exported))
                {
                    await EventExporter.WriteAsync(output, store.Events.StreamJsonAsync(new EventQuery(), Role.Editor), export);
                }

                var exportSeconds = clock.Elapsed.TotalSeconds;
                var (differences, examples) = Compare(path, exported, key, shown);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{file} ({target.Provider}): {summary.Rows:N0} rows, {summary.Inserted:N0} imported, {summary.Rejected} rejected; import {summary.Rows / seconds:N0} rows/s wall ({seconds:F2} s), {summary.Rows / cpuSeconds:N0} rows/s of process CPU ({cpuSeconds:F2} s); export {summary.Rows / exportSeconds:N0} rows/s; field-by-field differences: {differences}"));
                foreach (var example in examples)
                {
                    Console.WriteLine("  " + example);
                }

                foreach (var error in summary.Errors.Take(shown))
                {
                    Console.WriteLine("  " + error);
                }

                failed |= differences > 0 || summary.Rejected > 0;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                if (database is not null)
                {
                    Npgsql.NpgsqlConnection.ClearAllPools();
                    await AdminAsync(server!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                }
            }
        }

        return failed ? 1 : 0;
    }

    /// <summary>This bench again, for <paramref name="file"/> alone (the same host, assembly and arguments); its exit code.</summary>
    private static async Task<int> RunAloneAsync(string[] args, string file)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ExchangeRoundTrip).Assembly.Location);
        }

        foreach (var argument in (string[])["import-real", .. args, "--file", file])
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <summary>Creates the database on the server and returns its connection string.</summary>
    private static async Task<string> CreateDatabaseAsync(string server, string database)
    {
        await AdminAsync(server, $"CREATE DATABASE {database}");
        return new Npgsql.NpgsqlConnectionStringBuilder(Marsad.Core.Storage.Postgres.PostgresDialect.ToConnectionString(server)) { Database = database }.ConnectionString;
    }

    private static async Task AdminAsync(string server, string sql)
    {
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(Marsad.Core.Storage.Postgres.PostgresDialect.ToConnectionString(server)) { Pooling = false }.ConnectionString;
        await using var connection = new Npgsql.NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Differences between two CSV files with the same key column: missing rows, extra rows, columns, and each differing value.</summary>
    private static (int Count, List<string> Examples) Compare(string expectedPath, string actualPath, string key, int shown)
    {
        var (expectedHeader, expected) = Read(expectedPath, key);
        var (actualHeader, actual) = Read(actualPath, key);
        var examples = new List<string>();
        var count = 0;
        void Note(string what)
        {
            count++;
            if (examples.Count < shown)
            {
                examples.Add(what);
            }
        }

        if (!expectedHeader.SequenceEqual(actualHeader))
        {
            Note($"header: [{string.Join(",", expectedHeader)}] became [{string.Join(",", actualHeader)}]");
        }

        foreach (var (id, row) in expected)
        {
            if (!actual.TryGetValue(id, out var other))
            {
                Note($"{id}: missing from the export");
                continue;
            }

            foreach (var (column, value) in row)
            {
                if (other.GetValueOrDefault(column) != value)
                {
                    Note($"{id} {column}: '{value}' became '{other.GetValueOrDefault(column)}'");
                }
            }
        }

        foreach (var id in actual.Keys.Where(k => !expected.ContainsKey(k)))
        {
            Note($"{id}: in the export only");
        }

        return (count, examples);
    }

    private static (string[] Header, Dictionary<string, Dictionary<string, string>> Rows) Read(string path, string key)
    {
        using var csv = CsvReader.Create(File.OpenRead(path), CsvReaderOptions.Default, false);
        var header = csv.Headers.ToArray();
        var rows = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < csv.FieldCount ? csv.GetString(i) : "";
            }

            rows[row[key]] = row;
        }

        return (header, rows);
    }
}
