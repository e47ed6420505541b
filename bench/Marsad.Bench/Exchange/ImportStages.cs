using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marsad.Bench.Extraction;
using Marsad.Core.Audit;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Exchange.Import;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;

namespace Marsad.Bench.Exchange;

/// <summary>
/// <c>import-stages</c>: where an import's CPU goes, stage by stage, on the real battles and UCDP files, each stage
/// run --repeat times (the last run is the warm one): reading the CSV rows; + reading them into events with their
/// origins; + serialising and hashing as the store does; the whole import into a new SQLite database.
/// </summary>
internal static class ImportStages
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var repeat = options.Int("--repeat", 3);
        var stages = options.Int("--stages", 1) != 0;
        (string File, IDatasetFormat Format)[] files =
        [
            ("acled/acled-syria-battles-2017-2023.csv", AcledFormat.Instance),
            ("ucdp/ucdp-ged-syria-2016-2019.csv", UcdpFormat.Instance),
        ];
        foreach (var (file, format) in files)
        {
            var path = SharedData.PathOf("data", file);
            for (var run = 1; run <= repeat; run++)
            {
                var parse = !stages ? default : await TimeAsync(async () =>
                {
                    long n = 0;
                    await foreach (var _ in new DatasetFile(File.OpenRead(path)).RowsAsync(format, new List<ImportError>(), default))
                    {
                        n++;
                    }

                    return n;
                });
                var read = !stages ? default : await TimeAsync(async () =>
                {
                    long n = 0;
                    var errors = new List<ImportError>();
                    await foreach (var row in new DatasetFile(File.OpenRead(path)).RowsAsync(format, errors, default))
                    {
                        if (format.Read(row, EventStatus.Extracted, errors) is { } e)
                        {
                            _ = e with { Origin = ImportDataset.Origin(format, row, e) };
                            n++;
                        }
                    }

                    return n;
                });
                var serialise = !stages ? default : await TimeAsync(async () =>
                {
                    long n = 0;
                    var errors = new List<ImportError>();
                    await foreach (var row in new DatasetFile(File.OpenRead(path)).RowsAsync(format, errors, default))
                    {
                        if (format.Read(row, EventStatus.Extracted, errors) is { } e)
                        {
                            var full = e with { Origin = ImportDataset.Origin(format, row, e) };
                            var utf8 = JsonSerializer.SerializeToUtf8Bytes(full, MarsadJson.Options);
                            _ = System.Text.Encoding.UTF8.GetString(utf8);
                            _ = RevisionHasher.Sha256Hex(utf8);
                            n++;
                        }
                    }

                    return n;
                });
                var folder = Directory.CreateTempSubdirectory("marsad-stages-").FullName;
                try
                {
                    var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, Path.Combine(folder, "import.db")), TimeProvider.System);
                    var whole = await TimeAsync(async () =>
                    {
                        await using var input = File.OpenRead(path);
                        return (await new ImportDataset(store).RunAsync(input, format, new DatasetImportOptions(EventStatus.Extracted, false, "bench"))).Inserted;
                    });
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{Path.GetFileName(file)} run {run}: CPU s (wall s) parse {parse.Cpu:F2} ({parse.Wall:F2}); +read+origin {read.Cpu:F2} ({read.Wall:F2}); +json+hash {serialise.Cpu:F2} ({serialise.Wall:F2}); whole import {whole.Cpu:F2} ({whole.Wall:F2}) = {whole.Rows / whole.Cpu:N0} rows/CPU-s"));
                }
                finally
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        return 0;
    }

    private static async Task<(double Cpu, double Wall, long Rows)> TimeAsync(Func<Task<long>> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var rows = await work();
        return ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, clock.Elapsed.TotalSeconds, rows);
    }
}
