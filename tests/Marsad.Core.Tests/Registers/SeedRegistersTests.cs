using Marsad.Core.Access;
using Marsad.Core.Intake;
using Marsad.Core.Registers;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Records;
using Marsad.Extraction;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Core.Tests.Registers;

/// <summary>
/// The seed report (read at run time from ../shared/seed beside the repository, never copied) ingested with the
/// engine as marsad builds it and reviewed by accepting every proposal: what the three registers must then hold.
/// </summary>
public sealed class SeedRegistersTests
{
    [Fact]
    public async Task The_seed_report_fills_the_persons_claims_and_allegations_registers()
    {
        using var folder = new TempFolder();
        var clock = FixedClock.At(2021, 1, 23);
        var store = await TestStore.OpenAsync(folder, clock);
        var engine = new ExtractionEngine(GazetteerGeocoder.LoadDefault(), ActorLexicon.Default);
        var summary = await new IngestDocuments(store, clock, engine).RunAsync(new IngestRequest([SeedPath()], new DateOnly(2021, 1, 23)), new ChangeContext("coder"));
        Assert.Equal(1, summary.Stored);
        var review = new ReviewRecords(store);
        foreach (var item in await review.PendingAsync())
        {
            await review.ApplyAsync(new ReviewDecision(item.Kind, item.Id, ReviewAction.Accept, item.Version), new ChangeContext("editor"));
        }

        var persons = (await store.Registers.ListAsync<Person>(new RegisterQuery(), Role.Editor)).Select(i => i.Record).ToList();
        foreach (var name in new[] { "Dall'Oglio", "John Ibrahim", "Paul Yaziji", "Abdullah al-Khalil", "British journalist", "Sky News journalist" })
        {
            var person = Assert.Single(persons, p => p.Name.Contains(name, StringComparison.Ordinal));
            Assert.Equal(PersonStatus.Missing, person.Status);
            Assert.Null(person.GroupSize);
            Assert.Equal("Islamic State (Syria)", person.HeldBy);
        }

        // The groups: hundreds from Kobani, Afrin and Deir ez-Zor, and thousands of abductees overall.
        var groups = persons.Where(p => p.GroupSize is not null).ToList();
        Assert.Contains(groups, g => g.Name.Contains("Kobani", StringComparison.Ordinal) && g.Name.Contains("Afrin", StringComparison.Ordinal) && g.GroupSize!.Low == 100);
        Assert.Contains(groups, g => g.GroupSize!.Low == 1000);
        Assert.All(groups, g => Assert.Equal(PersonStatus.Missing, g.Status));

        var claim = Assert.Single((await store.Registers.ListAsync<Claim>(new RegisterQuery { Status = "false" }, Role.Editor)).Select(i => i.Record));
        Assert.Contains("60", claim.Statement, StringComparison.Ordinal);
        Assert.Contains("Tan", claim.Statement, StringComparison.Ordinal);
        Assert.Equal(Verdict.False, claim.Verdict);
        Assert.Contains("SOHR", claim.VerdictBy, StringComparison.Ordinal);

        var allegation = Assert.Single((await store.Registers.ListAsync<Allegation>(new RegisterQuery(), Role.Editor)).Select(i => i.Record));
        Assert.Equal(new DateOnly(2019, 3, 21), allegation.Date!.Start);
        Assert.Contains("Baghouz", allegation.Location!.Name, StringComparison.Ordinal);
        var killed = allegation.Quantities[Quantities.Names.Fatalities];
        Assert.Equal((200, 200), (killed.Low, killed.High));
        Assert.Equal(InvestigationStatus.InvestigationRequested, allegation.Status);
        Assert.Equal(22, new InvestigationClock(clock).MonthsWithoutInvestigation(allegation));

        // Computed, never stored: a month later the same record says 23.
        clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(23, new InvestigationClock(clock).MonthsWithoutInvestigation(allegation));
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    /// <summary>../shared/seed beside the repository: skips the test, naming the folder, where it is absent.</summary>
    internal static string SeedPath() => SharedData.SeedReport;
}
