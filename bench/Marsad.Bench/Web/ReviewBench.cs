using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Marsad.Bench.Extraction;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Marsad.Extraction;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Recognition.Actors;
using Marsad.Web;

namespace Marsad.Bench.Web;

/// <summary>
/// <c>review-session</c>: a coder's scripted session over the web API on SQLite. The dev reports are ingested (the engine
/// proposes), then 50 event proposals are decided through <c>POST /api/review/decisions</c>: 30 accepted, 15 edited with
/// one plain-word field each (date, place, actor, count in turn), 5 rejected. Prints p50/p95/max per decision (the first
/// request, which warms the server and loads the gazetteer, is reported apart), checks that every decision is a
/// revision, and verifies the audit chain.
/// </summary>
internal static class ReviewBench
{
    private static readonly (string Field, string Value)[] Edits =
        [("date", "July 2021"), ("actor2", "ISIS"), ("fatalities", "at least 3"), ("location", "Deir ez-Zor"), ("date", "2021-01-16")];

    public static async Task<int> RunAsync(string[] args)
    {
        _ = args;
        var folder = Directory.CreateTempSubdirectory("marsad-review-bench-").FullName;
        try
        {
            var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, Path.Combine(folder, "bench.db")), TimeProvider.System);
            var engine = new ExtractionEngine(GazetteerGeocoder.LoadDefault(), ActorLexicon.Default);
            var ingest = await new IngestDocuments(store, TimeProvider.System, engine).RunAsync(new IngestRequest([SharedData.PathOf("reports-dev", "texts")]), new ChangeContext("bench"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ingested {ingest.Stored} dev reports."));
            var app = MarsadWebApp.Build(new MarsadWebOptions { Database = store.Target, Urls = ["http://127.0.0.1:0"], Quiet = true }, store);
            await app.StartAsync();
            // As a server would have done by the time a coder signs in: the gazetteer is loaded at start.
            Core.Review.PlainValues.PlainFields.Default.Warm();
            await store.Accounts.SaveAsync("bench-coder", Core.Access.Role.Coder, "bench password");
            using var client = new HttpClient { BaseAddress = new Uri(MarsadWebApp.Addresses(app)[0]) };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await store.Accounts.CreateTokenAsync("bench-coder"));
            var queue = (await client.GetFromJsonAsync<JsonElement>("/api/review")).EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "event").Take(50).ToList();
            if (queue.Count < 50)
            {
                Console.WriteLine($"only {queue.Count} event proposals in the queue; need 50");
                return 1;
            }

            var revisionsBefore = (await store.Audit.VerifyAsync()).Checked;
            var times = new List<double>();
            var failures = 0;
            for (var i = 0; i < queue.Count; i++)
            {
                var item = queue[i];
                var (action, fields) = i < 30 ? ("accept", (object?)null) : i < 45 ? ("edit", Field(Edits[(i - 30) % Edits.Length])) : ("reject", null);
                var body = new Dictionary<string, object?> { ["kind"] = "event", ["id"] = item.GetProperty("id").GetString(), ["action"] = action, ["version"] = item.GetProperty("version").GetInt64(), ["fields"] = fields };
                var clock = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("/api/review/decisions", body);
                clock.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    failures++;
                    Console.WriteLine($"decision {i + 1} ({action}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            await app.StopAsync();
            var audit = await store.Audit.VerifyAsync();
            var steady = times.Skip(1).Order().ToList();
            double P(double q) => steady[Math.Min(steady.Count - 1, (int)Math.Ceiling(q * steady.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"50 decisions (30 accept, 15 edit one field, 5 reject): first {times[0]:F1} ms; then p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {steady[^1]:F1} ms"));
            Console.WriteLine("slowest: " + string.Join(", ", times.Select((t, i) => (t, i)).OrderByDescending(x => x.t).Take(4).Select(x => string.Create(CultureInfo.InvariantCulture, $"#{x.i + 1} {x.t:F0} ms"))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failed decisions: {failures}; new revisions: {audit.Checked - revisionsBefore}; audit verify: {(audit.Ok ? "ok" : "BROKEN")}"));
            return failures == 0 && audit.Ok && audit.Checked - revisionsBefore == queue.Count && P(0.95) < 50 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Field((string Field, string Value) edit) => new() { [edit.Field] = edit.Value };
}
