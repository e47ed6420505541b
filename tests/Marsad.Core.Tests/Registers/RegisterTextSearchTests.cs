using Marsad.Core.Access;
using Marsad.Core.Registers;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Documents;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Tests.Registers;

/// <summary>
/// Text search over persons, claims and allegations on SQLite and on PostgreSQL (skipped without <c>MARSAD_TEST_POSTGRES</c>):
/// the same words match on both, whatever their case, accents or letter width; below editor a confidential name and a
/// person's withheld field answer as random strings do, the public's withheld fields (a sensitive record's alias) too,
/// while what the role reads is found by every spelling. Names and sentences written for this test.
/// </summary>
public sealed class RegisterTextSearchTests
{
    private const string LatinSecret = "Ṣafwān Darīs Circle";
    private const string ArabicSecret = "رابطة أبو نوفل";
    private const string Contacts = "Ghadirvale bakery phone";
    private const string Alias = "Umm Lothar";
    private static readonly ChangeContext Editor = new("editor");

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_register_is_searched_by_the_words_the_role_reads_in_any_spelling(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(provider, folder);
        await store.Sources.SaveAsync(LatinSecret, SourceKind.FieldNetwork, confidential: true, null, null);
        await store.Sources.SaveAsync(ArabicSecret, SourceKind.FieldNetwork, confidential: true, null, null);
        var claim = new Claim
        {
            Id = Guid.NewGuid(), Claimant = "a district council", Statement = "the bridge at Tell Harmal stood unharmed", Verdict = Verdict.False,
            VerdictReason = $"photographs from {LatinSecret} and {ArabicSecret} show it fallen", Status = EventStatus.Published,
        };
        var allegation = new Allegation
        {
            Id = Guid.NewGuid(), Summary = "a convoy of water trucks held back for a week", AllegedPerpetrator = "unidentified armed group",
            History = [new InvestigationStep(InvestigationStatus.Alleged, new DateOnly(2022, 8, 2), $"told to us by {LatinSecret}")],
            Sources = [LatinSecret, ArabicSecret], ReviewStatus = EventStatus.Published,
        };
        var person = new Person
        {
            Id = Guid.NewGuid(), Name = "Ḥāmid Zahrūn", Aliases = [Alias], Status = PersonStatus.Missing, ReviewStatus = EventStatus.Published,
            Contacts = Contacts, History = [new PersonStatusStep(PersonStatus.Missing, null, null, $"last word came through {ArabicSecret}")],
        };
        var arabic = new Person { Id = Guid.NewGuid(), Name = "سَمِيرَة الخَطِيب", Status = PersonStatus.Detained, ReviewStatus = EventStatus.Published };
        await store.Records.AddAsync(claim, Editor);
        await store.Records.AddAsync(allegation, Editor);
        await store.Records.AddAsync(person, Editor);
        await store.Records.AddAsync(arabic, Editor);

        async Task<string> Ids(string text, Role role) => string.Join(",", new[]
        {
            string.Join(";", (await store.Registers.ListAsync<Person>(new RegisterQuery { Text = text }, role)).Select(p => p.Record.Id)),
            string.Join(";", (await store.Registers.ListAsync<Claim>(new RegisterQuery { Text = text }, role)).Select(c => c.Record.Id)),
            string.Join(";", (await store.Registers.ListAsync<Allegation>(new RegisterQuery { Text = text }, role)).Select(a => a.Record.Id)),
        });

        var random = new Random(44);
        string Noise(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26)))]);
        string[] withheld =
        [
            LatinSecret, "safwan daris circle", "SAFWAN", "ＤＡＲＩＳ", "Darīs", "Dari", "Circl", ArabicSecret, "رابطة ابو نوفل", "رَابِطَة", "نوف",
            Contacts, "ghadirvale", "Bakery Phone",
        ];
        foreach (var role in new[] { Role.Public, Role.Viewer, Role.Coder })
        {
            foreach (var spelling in withheld)
            {
                Assert.Equal(await Ids(Noise(spelling.Length), role), await Ids(spelling, role));
            }
        }

        // An editor finds each record by every spelling of what it holds.
        Assert.Contains(claim.Id.ToString(), await Ids("ṢAFWĀN darīs", Role.Editor), StringComparison.Ordinal);
        Assert.Contains(allegation.Id.ToString(), await Ids("رَابِطَة ابو", Role.Editor), StringComparison.Ordinal);
        Assert.Contains(person.Id.ToString(), await Ids("ｇｈａｄｉｒ", Role.Editor), StringComparison.Ordinal);

        // What the role reads is found by every spelling, on both databases.
        foreach (var role in new[] { Role.Public, Role.Viewer, Role.Editor })
        {
            foreach (var spelling in new[] { "hamid", "ḤĀMID zahrun", "ＺＡＨＲＵＮ", "Zahr" })
            {
                Assert.Contains(person.Id.ToString(), await Ids(spelling, role), StringComparison.Ordinal);
            }

            foreach (var spelling in new[] { "سميرة", "سَمِيرَة الخطيب", "الخط" })
            {
                Assert.Contains(arabic.Id.ToString(), await Ids(spelling, role), StringComparison.Ordinal);
            }

            Assert.Contains(claim.Id.ToString(), await Ids("TELL harmal", role), StringComparison.Ordinal);
            Assert.Contains(allegation.Id.ToString(), await Ids("water truck", role), StringComparison.Ordinal);
        }

        // A sensitive record's alias is the team's to read, not the public's.
        Assert.Equal(await Ids(Noise(Alias.Length), Role.Public), await Ids(Alias, Role.Public));
        Assert.Contains(person.Id.ToString(), await Ids("umm LOTHAR", Role.Viewer), StringComparison.Ordinal);

        // A source made public again is found by everyone once the index is redone with the new names.
        await store.Sources.SaveAsync(LatinSecret, SourceKind.FieldNetwork, confidential: false, null, null);
        Assert.Contains(claim.Id.ToString(), await Ids("safwan", Role.Public), StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
