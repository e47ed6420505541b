using Marsad.Bench.Extraction;

namespace Marsad.Bench;

/// <summary>
/// Dispatches <c>dotnet run -c Release --project bench/Marsad.Bench -- NAME [options]</c> to one
/// benchmark. Each prints what it measured, on what, and how, so the numbers can be compared run to run.
/// </summary>
internal static class BenchProgram
{
    private static readonly Dictionary<string, (string Description, Func<string[], Task<int>> Run)> Benchmarks = new(StringComparer.Ordinal)
    {
        ["hostile-input"] = ("each hostile input of issue 15 in a cold marsad process: wall seconds, peak RSS, exit and message [--marsad PATH --limit-seconds 10 --limit-mb 500]", Intake.HostileInputBench.RunAsync),
        ["ingest-throughput"] = ("documents per second into SQLite (generated 5 KB reports)", Intake.IngestThroughput.RunAsync),
        ["corroborate-scale"] = ("corroboration time and memory at 100k, 300k and 1M reports", Corroboration.CorroborationScale.RunAsync),
        ["corroborate-stored"] = ("corroboration of 100k, 300k and 1M events stored in SQLite: read + decide, and applying merges", Corroboration.CorroborationStoredScale.RunAsync),
        ["aggregate-scale"] = ("monthly aggregates (month, previous month, running totals) on SQLite at 100k, 300k and 1M events", Analytics.AggregateScale.RunAsync),
        ["corroborate-quality"] = ("pairwise precision/recall on the generated multi-source corpus", Corroboration.CorroborationQuality.RunAsync),
        ["gazetteer-build"] = ("build the shipped gazetteer [--from ../shared/data] [--out data]", Sync(Geocoding.GazetteerBuildCommand.Run)),
        ["geocode-acled"] = ("ACLED location+admin1 → point: within 10 km, admin1, dev and test [--examples]", Sync(Geocoding.GeocodeAcledBench.Run)),
        ["geocode-notes"] = ("location from ACLED notes end to end: baseline, or [--predictions FILE] from marsad extract [--write-input FILE]", Sync(Geocoding.GeocodeNotesBench.Run)),
        ["geocode-speed"] = ("gazetteer load time, geocoding lookups per second and mean µs", Sync(Geocoding.GeocodeSpeedBench.Run)),
        ["geocode-text"] = ("the place names found in a text FILE and where they resolve", Sync(Geocoding.GeocodeTextCommand.Run)),
        ["extract-acled"] = ("ACLED dev/test accuracies [--dump-dev N --field X] [--strip-coder-totals: fatalities from the narrative alone, imputed tolls left out]", Sync(AcledBench.Run)),
        ["extract-ucdp"] = ("UCDP 2019 test split: deaths exact (best), location within 25 km", Sync(UcdpBench.Run)),
        ["extract-reports"] = ("real reports against hand-made gold, scored as ../shared/tools/score_reports.py: --data DIR [--min f1=0.85] [--no-false-checks] [--no-invented-dates] [--explain] [-- CMD...]", Sync(Extraction.Reports.ReportsBench.Run)),
        ["extract-seed"] = ("the seed report's checklist", Sync(SeedBench.Run)),
        ["extract-stages"] = ("seconds per extraction stage over the ACLED battle notes [--limit N]", Sync(StageProfile.Run)),
        ["persons-duplicates"] = ("pairwise precision/recall of person merge proposals on 5,000 generated people (dev seed 1, test seed 2) [--explain N]", Persons.PersonDuplicatesBench.RunAsync),
        ["web-load"] = ("marsad serve as its own process (core 1) over N generated events, GET /api/events with filters from this process (core 0) at a fixed R req/s for S s, no warm-up, one review decision a second through the API: achieved rate, p50/p95/p99, errors, writes [--db sqlite|postgres --postgres CONNECTION --events 100000 --rate 1000 --seconds 30 --no-pin 1]", Web.WebLoad.RunAsync),
        ["review-session"] = ("a coder's session over the web API: 50 dev-report proposals (30 accept, 15 edit one plain field, 5 reject), p95 per decision, revisions, audit verify", Web.ReviewBench.RunAsync),
        ["web-export"] = ("streamed CSV export of N events (default 1,000,000): rows/s and peak memory [--events N]", Web.WebExport.RunAsync),
        ["import-stages"] = ("where an import's CPU goes: CSV rows, + events and origins, + JSON/hash, whole import, on the real battles and UCDP files [--repeat N --stages 0|1]", Exchange.ImportStages.RunAsync),
        ["import-real"] = ("the real ACLED and UCDP files of ../shared/data each into a new SQLite database: rows, rejected, import rows/s (first row read to commit), then a field-by-field diff of the re-export against the file [--show N --postgres SERVER: into new PostgreSQL databases instead]", Exchange.ExchangeRoundTrip.RunAsync),
        ["export-scale"] = ("databases of 100,000 and 1,000,000 generated events made once, then each format exported by the real CLI (marsad events --format F), a cold process under /usr/bin/time -v: rows, wall s, rows/s, CPU µs/row, peak RSS, RSS difference, PASS/FAIL [--db DIR --formats acled,ucdp,hxl,geojson,jsonl --sizes 100000,1000000 --out file|/dev/null --marsad PATH]", Exchange.ExportScale.RunAsync),
        ["export-stages"] = ("where an export's CPU goes over a kept export-scale database: rows, + model, + ACLED values, each format's whole export to a null stream (CPU s per stage) [--db FILE --formats a,b --repeat 2]", Exchange.ExportStages.RunAsync),
        ["exchange-export"] = ("export N events (default 1,000,000) in a format to /dev/null from a kept database: rows/s (peak RSS with /usr/bin/time -v) [--format F --events N --db PATH]", Exchange.ExchangeExport.RunAsync),
        ["integrity"] = ("issue 15's table: fuzzed inputs per entry point / failures, kill points / inconsistencies, concurrent edits / lost updates, tamper kinds / undetected [--inputs 100000 --kills 200 --writers 8 --edits 25 --marsad PATH]", Security.IntegrityBench.RunAsync),
        ["leak-walk"] = ("the web tests' leak walk over a local site with planted secrets: routes, roles, variants, requests, leaks (exit 1 on any)", Security.LeakWalkBench.RunAsync),
        ["extract-arabic"] = ("the Arabic dev texts repeated to 5 MB of JSON Lines, marsad extract --jsonl as one cold process, one thread: MB/s and /usr/bin/time -v (peak RSS) [--data DIR --mb 5 --runs 1 --marsad PATH]", Extraction.ArabicThroughput.RunAsync),
        ["workers"] = ("W marsad worker processes (default 4) over N generated documents (default 50,000) on an empty PostgreSQL database, one killed twice: documents/s and the exactly-once check [--db URL --documents N --workers W --lease 10s]", Workers.WorkersBench.RunAsync),
        ["pg-scale"] = ("PostgreSQL at scale on a new database of the server given: N generated events (default 10,000,000) by binary COPY (primary key only), each index rebuilt after, then warm the report's month query and a 1,000-event bbox listing [--db CONNECTION --events N --runs 7 --keep 1 --partitioned 1 (events and revisions partitioned by month first)]", Storage.PostgresScale.RunAsync),
        ["extract-speed"] = ("MB/s single thread and 2 threads over the ACLED battle notes [--limit N] [--no-baseline]", Sync(SpeedBench.Run)),
    };

    private static Func<string[], Task<int>> Sync(Func<string[], int> run) => args => Task.FromResult(run(args));

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var benchmark))
        {
            Console.Error.WriteLine("usage: Marsad.Bench <benchmark> [options]\n\nbenchmarks:");
            foreach (var (name, (description, _)) in Benchmarks)
            {
                Console.Error.WriteLine($"  {name,-22} {description}");
            }

            return 2;
        }

        return await benchmark.Run(args[1..]);
    }
}
