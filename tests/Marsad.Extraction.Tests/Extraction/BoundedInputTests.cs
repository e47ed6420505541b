using System.Text;
using CsCheck;
using Marsad.Extraction.Recognition.Actors;
using Marsad.Extraction.Tests.Geography;

namespace Marsad.Extraction.Tests.Extraction;

/// <summary>
/// Issue 15: no text can keep the engine busy without bound. The hostile texts are made here (never stored); each must
/// come back with a result or a clear error well inside a generous guard (a guard against hangs, not a speed test:
/// speed is measured by the bench's <c>hostile-input</c>).
/// </summary>
public sealed class BoundedInputTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);
    private static readonly ExtractionEngine Engine = new(ShippedGazetteer.Geocoder, ActorLexicon.Default);

    private static async Task<ExtractionResult> Bounded(ExtractionEngine engine, string text)
    {
        var run = Task.Run(() => engine.Extract(new DocumentInput(text, new DateOnly(2023, 3, 4), "test")));
        return await run.WaitAsync(Guard);
    }

    private static string Text(string name) => DecodedText(HostileInputs.Named(name).Bytes());

    private static string DecodedText(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    [Fact]
    public async Task A_sentence_listing_places_for_4_MB_is_read_within_the_budget()
    {
        var result = await Bounded(Engine, Text("comma-places-4MB"));

        // Read, not refused: every stage is linear or n log n, so a 4 MB list stays far inside the budget.
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Forty_seven_thousand_repeated_report_lines_are_one_incident_read_in_linear_time()
    {
        var result = await Bounded(Engine, Text("repeated-lines-47k"));

        Assert.Empty(result.Errors);
        // The same actor, place, type and day reported 47,000 times is one event.
        Assert.Single(result.Events);
    }

    [Fact]
    public async Task A_text_over_the_engine_limit_gets_an_error_naming_the_limit()
    {
        var result = await Bounded(Engine, Text("report-4.5MB"));

        var error = Assert.Single(result.Errors);
        Assert.Contains(ExtractionEngine.MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
        Assert.Empty(result.Events);
    }

    [Fact]
    public async Task Past_its_work_budget_a_document_gets_a_clear_error_and_no_half_result()
    {
        var small = new ExtractionEngine(ShippedGazetteer.Geocoder, ActorLexicon.Default) { StepBudget = 50_000 };
        var text = string.Concat(Enumerable.Repeat("On 3 March 2023, regime forces shelled Saraqib in Idlib countryside, killing two civilians.\n\n", 2_000));

        var result = await Bounded(small, text);

        var error = Assert.Single(result.Errors);
        Assert.Contains("work budget of 50,000 steps exceeded", error, StringComparison.Ordinal);
        Assert.Empty(result.Events);
        Assert.Empty(result.Persons);
        // The same text within the default budget reads normally: the budget counts steps, so this holds on any machine.
        Assert.Empty((await Bounded(Engine, text)).Errors);
    }

    [Fact]
    public void The_work_budget_counts_steps_not_time_so_a_result_is_the_same_every_run()
    {
        var text = string.Concat(Enumerable.Repeat("Regime forces shelled Ariha and Sarmin, killing one civilian.\n\n", 300));
        var limits = new[] { 1_000L, 20_000L, 80_000L };
        foreach (var limit in limits)
        {
            var engine = new ExtractionEngine(ShippedGazetteer.Geocoder, ActorLexicon.Default) { StepBudget = limit };
            var first = engine.Extract(new DocumentInput(text, new DateOnly(2023, 3, 4)));
            var second = engine.Extract(new DocumentInput(text, new DateOnly(2023, 3, 4)));
            Assert.Equal(first.Errors, second.Errors);
            Assert.Equal(first.Events.Length, second.Events.Length);
        }
    }

    [Fact]
    public void A_budget_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkBudget(0));
        var budget = new WorkBudget(10);
        budget.Spend(10, "reading");
        var ex = Assert.Throws<WorkBudgetExceededException>(() => budget.Spend(1, "reading"));
        Assert.Equal("reading", ex.Stage);
    }

    // Text made of the pieces reports are made of, and of the odd ones attackers send: words, places, numbers, dates,
    // punctuation, list and quote marks, Arabic letters, control characters, lone surrogates, long runs.
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.OneOf("On", "3", "March", "2023", ",", ".", "\n", "\n\n", " ", "regime", "forces", "shelled", "killed", "clashes", "in", "Idlib",
            "Saraqib", "Kafr Nabl", "countryside", "of", "the", "village", "and", "two", "civilians", "ISIS", "SDF", "fate", "of", "—", "•", "- ",
            "\"", "'", "(", ")", "قصفت", "قوات", "النظام", "إدلب", "\u200f", "\t", "\r", "\uFEFF", "\0", "\ud800", "\udc00", "99999999999", "-1", "#"),
        Gen.String[Gen.Char, 0, 12]);

    private static readonly Gen<string> OddText = Piece.Array[0, 300].Select(parts => string.Concat(parts));

    [Fact]
    public void Random_and_odd_text_never_throws_and_every_span_points_into_the_clean_text()
    {
        OddText.Sample(text =>
        {
            var result = Engine.Extract(new DocumentInput(text, new DateOnly(2023, 3, 4)));
            Assert.NotNull(result);
            foreach (var e in result.Events)
            {
                foreach (var (_, span) in e.Evidence.Spans)
                {
                    Assert.InRange(span.Start, 0, result.CleanText.Length);
                    Assert.InRange(span.End, span.Start, result.CleanText.Length);
                }
            }
        }, iter: 1_000, threads: 1);
    }

    [Fact]
    public void Long_repetitions_of_random_pieces_stay_within_the_budget_or_fail_clearly()
    {
        // A piece repeated thousands of times is what made the engine quadratic: each must finish, within budget or with its error.
        var repeated = Gen.Select(OddText, Gen.Int[500, 5_000], (t, n) => string.Concat(Enumerable.Repeat(t.Length == 0 ? "x " : t, Math.Max(1, n / Math.Max(1, t.Length / 20)))));
        repeated.Sample(text =>
        {
            var result = Engine.Extract(new DocumentInput(text, new DateOnly(2023, 3, 4)));
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e)));
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void Tolls_too_large_to_add_are_no_crash()
    {
        // Found by the bench's fuzzing: two printed tolls of 99,999,999,999 in one incident overflowed their sum.
        var result = new ExtractionEngine(ShippedGazetteer.Geocoder, ActorLexicon.Default).Extract(new DocumentInput(
            "On 3 March 2023, regime forces shelled Saraqib, and 99999999999 killed. Clashes and=99999999999killed of the fighters."));
        Assert.Empty(result.Errors);
    }
}
