using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Exchange;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;

namespace Marsad.Bench.Exchange;

/// <summary>
/// <c>export-stages</c>: where an export's CPU goes, in one process over a kept database (export-scale's): reading the
/// rows, + reading each payload into the model, + each format's column values, + the whole export to a null stream.
/// CPU seconds (user+sys of the process) per stage, so a loaded machine's wait is left out.
/// </summary>
internal static class ExportStages
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var db = options.String("--db") ?? Path.Combine(Path.GetTempPath(), "marsad-export-scale", "events-100000.db");
        var formats = (options.String("--formats") ?? "acled,ucdp,hxl,geojson,jsonl").Split(',');
        var repeat = options.Int("--repeat", 2);
        var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, db), TimeProvider.System);
        var urls = (await store.Sources.ListAsync(Role.Editor)).ToDictionary(s => s.Name, s => s.Url);
        for (var r = 0; r < repeat; r++)
        {
            await Stage("rows", async () =>
            {
                long n = 0;
                await foreach (var row in store.Events.StreamJsonAsync(new EventQuery(), Role.Editor))
                {
                    n += row.Payload.Length > 0 ? 1 : 0;
                }

                return n;
            });
            await Stage("+ model", async () =>
            {
                long n = 0;
                await foreach (var row in store.Events.StreamJsonAsync(new EventQuery(), Role.Editor))
                {
                    n += JsonSerializer.Deserialize<ConflictEvent>(row.Payload.Span, MarsadJson.Options) is null ? 0 : 1;
                }

                return n;
            });
            await Stage("+ acled values", async () =>
            {
                long n = 0;
                await foreach (var row in store.Events.StreamJsonAsync(new EventQuery(), Role.Editor))
                {
                    var item = new EventListItem(JsonSerializer.Deserialize<ConflictEvent>(row.Payload.Span, MarsadJson.Options)!, row.Version, row.Sources);
                    foreach (var column in AcledFormat.Instance.Columns)
                    {
                        n += column.Value(item, "acled")?.Length ?? 0;
                    }
                }

                return n;
            });
            foreach (var format in formats)
            {
                await Stage("export " + format, async () =>
                {
                    long n = 0;
                    await using var output = new StreamWriter(Stream.Null);
                    await EventExporter.WriteAsync(output, Counted(store.Events.StreamJsonAsync(new EventQuery(), Role.Editor)), EventExportFormats.Parse(format)!.Value, urls);
                    return n;

                    async IAsyncEnumerable<EventJson> Counted(IAsyncEnumerable<EventJson> rows)
                    {
                        await foreach (var row in rows)
                        {
                            n++;
                            yield return row;
                        }
                    }
                });
            }
        }

        return 0;
    }

    private static async Task Stage(string name, Func<Task<long>> run)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var n = await run();
        process.Refresh();
        var used = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-16} {wall.Elapsed.TotalSeconds,6:F2} s wall {used,6:F2} s cpu  ({n:N0}); load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    }
}
