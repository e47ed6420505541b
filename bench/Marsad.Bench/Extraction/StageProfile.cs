using System.Diagnostics;
using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Extraction;
using Marsad.Extraction.Assembly;
using Marsad.Extraction.Checks;
using Marsad.Extraction.Cleaning;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Output;
using Marsad.Extraction.Recognition.Actors;
using Marsad.Extraction.Recognition.Dates;
using Marsad.Extraction.Recognition.Negation;
using Marsad.Extraction.Recognition.Places;
using Marsad.Extraction.Recognition.Quantities;
using Marsad.Extraction.Segmentation;
using Marsad.Extraction.Text;

namespace Marsad.Bench.Extraction;

/// <summary>
/// Where extraction spends its time: the engine's stages run one by one over the ACLED battle notes with a
/// stopwatch around each (the same calls <see cref="ExtractionEngine"/> makes, in the same order), plus JSON output.
/// </summary>
internal static class StageProfile
{
    public static int Run(string[] args)
    {
        var limit = args.Length >= 2 && args[0] == "--limit" ? int.Parse(args[1], CultureInfo.InvariantCulture) : int.MaxValue;
        var rows = SharedData.ReadCsv(SharedData.PathOf("data", "acled", "acled-syria-battles-2017-2023.csv"));
        var docs = rows.Take(limit).Select(r => new DocumentInput(r["notes"], DateOnly.ParseExact(r["event_date"], "dd MMMM yyyy", CultureInfo.InvariantCulture).AddDays(1))).ToArray();
        var mb = docs.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text)) / 1e6;
        var engine = BenchEngine.Create();
        var geocoder = GazetteerGeocoder.LoadDefault();
        foreach (var d in docs.Take(3000))
        {
            ContractJsonWriter.ToJson(engine.Extract(d));
        }

        var t = new Dictionary<string, long>(StringComparer.Ordinal);
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var round = 0; round < 2; round++)
        {
            t.Clear();
            bytes.Clear();
            foreach (var d in docs)
            {
                Once(geocoder, d, t, bytes);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        foreach (var d in docs)
        {
            ContractJsonWriter.ToJson(engine.Extract(d));
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var total = t.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated {allocated / 1e6:0} MB for {mb:0.00} MB of text ({allocated / (mb * 1e6):0.0} bytes a byte)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notes {docs.Length}, {mb:0.00} MB, {Seconds(total):0.00} s in all, {mb / Seconds(total):0.00} MB/s"));
        Console.WriteLine("| stage | seconds | share | MB allocated |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (stage, ticks) in t.OrderByDescending(kv => kv.Value))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {Seconds(ticks):0.000} | {ticks * 100.0 / total:0.0}% | {bytes[stage] / 1e6:0.0} |"));
        }

        return 0;
    }

    private static double Seconds(long ticks) => ticks / (double)Stopwatch.Frequency;

    // Allocations count as much as time: a byte allocated is a byte the collector must later walk past.
    private static void Once(IGeocoder geocoder, DocumentInput input, Dictionary<string, long> t, Dictionary<string, long> bytes)
    {
        var clock = Stopwatch.GetTimestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        void Lap(string stage)
        {
            var nowAllocated = GC.GetAllocatedBytesForCurrentThread();
            var now = Stopwatch.GetTimestamp();
            t[stage] = t.GetValueOrDefault(stage) + (now - clock);
            bytes[stage] = bytes.GetValueOrDefault(stage) + (nowAllocated - allocated);
            clock = now;
            allocated = nowAllocated;
        }

        var clean = TextCleaner.Clean(input.Text);
        Lap("clean");
        var tokens = Tokenizer.Tokenize(clean.Text);
        var view = new TokenView(clean.Text, tokens);
        Lap("tokenize");
        var (paragraphs, sentences) = Segmenter.Split(clean.Text, tokens);
        Lap("segment");
        var known = geocoder.FindNames(clean.Text, tokens);
        Lap("geocoder.FindNames");
        var facts = new List<SentenceFacts>(sentences.Count);
        foreach (var s in sentences)
        {
            var (from, to) = (s.FirstToken, s.EndToken);
            var dates = DateRecognizer.Find(view, from, to, input.Published);
            Lap("dates");
            var quantities = QuantityRecognizer.Find(view, from, to);
            Lap("quantities");
            var actors = ActorRecognizer.Find(ActorLexicon.Default, view, from, to);
            Lap("actors");
            var places = PlaceRecognizer.Find(geocoder, view, known, from, to);
            Lap("places");
            var triggers = TriggerLexicon.Matcher.FindAll(clean.Text, tokens, from, to);
            Lap("triggers");
            var stance = NegationDetector.Analyse(view, from, to);
            Lap("negation");
            facts.Add(new SentenceFacts(s, dates, quantities, actors, places, triggers, stance));
        }

        var doc = new DocumentFacts(view, paragraphs, facts, input.Published, clean.Title);
        var period = new DateSpan(input.Published!.Value.AddMonths(-1), input.Published.Value, TimePrecision.Month);
        // As the engine names results: from the text's hash, the kind and the index.
        Guid Ids(string kind, int index)
        {
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{input.Text.Length}/{kind}/{index}"));
            return new Guid(hash.AsSpan(0, 16));
        }

        var events = EventAssembler.Assemble(doc, period, Ids);
        Lap("events");
        ClaimAssembler.Assemble(doc, Ids);
        PersonAssembler.Assemble(doc, Ids);
        AllegationAssembler.Assemble(doc, input.Published, Ids);
        Lap("claims+persons+allegations");
        var checks = FigureChecker.Check(doc, events);
        Lap("checks");
        var result = new ExtractionResult("x", new DocumentInfo(null, input.Published, null, "en", "", clean.Text.Length), clean.Text, [.. events], [], [], [], [.. checks], []);
        ContractJsonWriter.ToJson(result);
        Lap("json");
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(input.Text));
        Lap("sha256");
    }
}
