using System.Text;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Events.Search;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Documents;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Events;

/// <summary>
/// Full-text search over events (FTS5 on SQLite, tsvector on PostgreSQL): the same words found the same way on both,
/// whatever the spelling (case, diacritics, full-width letters, Arabic tashkeel), only in text fields (never the JSON's
/// keys), and below editor only in text the role can read: a confidential name is found by no spelling of it.
/// Names and sentences written for these tests.
/// </summary>
public abstract class EventTextSearchTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static readonly ChangeContext Editor = new("editor");

    // Withheld: a confidential source named in Latin letters with diacritics, and one named in Arabic.
    private const string LatinSecret = "Ḥasan Qudsī Watch";
    private const string ArabicSecret = "شبكة أبو سليمان";

    private static ConflictEvent Event(string summary, string place = "Maarzaf") => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
        Date = DateSpan.OnDay(new DateOnly(2022, 5, 3)),
        Actor1 = "Military Forces of Syria (2000-)",
        Location = new Location(place, null, "Hama", "Hama", null, new GeoPoint(35.2, 36.6), GeoPrecision.Place),
        Summary = summary,
        Status = EventStatus.Published,
    };

    private static async Task<string> IdsAsync(IMarsadStore store, string text, Role role) =>
        string.Join(",", (await store.Events.ListJsonAsync(new EventQuery { Text = text }, role)).Select(e => e.Id).Order());

    private async Task<(IMarsadStore Store, Guid Withheld, Guid Visible, Guid Arabic)> SeedAsync(TempFolder folder)
    {
        var store = await TestStore.OpenAsync(Provider, folder);
        await store.Sources.SaveAsync(LatinSecret, SourceKind.FieldNetwork, confidential: true, null, null);
        await store.Sources.SaveAsync(ArabicSecret, SourceKind.FieldNetwork, confidential: true, null, null);
        var withheld = Event($"{LatinSecret} and {ArabicSecret} reported shelling of an orchard.");
        var visible = Event("Shelling near the house of Ḥasan Kharrūb, a teacher, in the early morning.", "Kafr Nabudah");
        var arabic = Event("قَصْفٌ مَدْفَعِيٌّ على بَلْدَةِ كَفْرِ نَبُودَة وإصابة مُحَمَّد الأَحْمَد");
        foreach (var e in new[] { withheld, visible, arabic })
        {
            await store.Records.AddAsync(e, Editor);
        }

        return (store, withheld.Id, visible.Id, arabic.Id);
    }

    /// <summary>The spellings someone might try for a name: as written, without marks, upper case, full-width, each word's prefix.</summary>
    private static IEnumerable<string> Spellings(string name)
    {
        var plain = NameNormaliser.Key(name);
        yield return name;
        yield return plain;
        yield return plain.ToUpperInvariant();
        yield return new string([.. plain.Select(c => c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'Ａ') : c)]);
        foreach (var word in plain.Split(' '))
        {
            for (var n = 1; n <= word.Length; n++)
            {
                yield return word[..n];
            }
        }
    }

    /// <summary>
    /// The oracle: the events whose text, as the role receives it from a listing without a text filter, holds every word
    /// of the search as the start of one of its words. A search may answer from nothing else.
    /// </summary>
    private static string Oracle(IReadOnlyList<EventJson> readable, string text)
    {
        var query = EventWords.OfQuery(text);
        return string.Join(",", readable.Where(e =>
        {
            var words = EventWords.OfPayload(Encoding.UTF8.GetString(e.Payload.Span)).Split(' ');
            return query.Count > 0 && query.All(q => words.Any(w => w.StartsWith(q, StringComparison.Ordinal)));
        }).Select(e => e.Id).Order());
    }

    [Theory]
    [InlineData(Role.Public)]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Coder)]
    public async Task A_confidential_name_is_found_by_no_spelling_below_editor(Role role)
    {
        using var folder = new TempFolder();
        var (store, withheld, _, _) = await SeedAsync(folder);
        var readable = await store.Events.ListJsonAsync(new EventQuery(), role);
        // Arabic spellings too: with tashkeel, with hamza written and not, and its words' prefixes.
        var arabicSpellings = Spellings(ArabicSecret).Concat(["شَبَكَةُ أَبُو سُلَيْمَان", "شبكة ابو سليمان", "سليمان", "ابو"]);
        foreach (var spelling in Spellings(LatinSecret).Concat(arabicSpellings).Distinct(StringComparer.Ordinal))
        {
            // Short prefixes find what the role reads ("s" starts "shelling"); the answer is always the readable text's.
            var found = await IdsAsync(store, spelling, role);
            Assert.True(Oracle(readable, spelling) == found, $"'{spelling}': {found} is not what the readable text answers");
            if (EventWords.OfQuery(spelling).All(w => w.Length >= 3))
            {
                Assert.DoesNotContain(withheld.ToString(), found, StringComparison.Ordinal);
            }
        }

        // What the role does read of that event finds it: the rest of the sentence, and the mask itself.
        Assert.Contains(withheld.ToString(), await IdsAsync(store, "orchard", role), StringComparison.Ordinal);
        Assert.Contains(withheld.ToString(), await IdsAsync(store, "confidential source", role), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editor_finds_a_confidential_name_by_any_spelling()
    {
        using var folder = new TempFolder();
        var (store, withheld, _, _) = await SeedAsync(folder);
        foreach (var spelling in new[] { LatinSecret, "hasan qudsi", "ＨＡＳＡＮ ＱＵＤＳＩ", "Qud", ArabicSecret, "شَبَكَةُ أَبُو سُلَيْمَان", "ابو سليمان" })
        {
            Assert.Contains(withheld.ToString(), await IdsAsync(store, spelling, Role.Editor), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Role.Public)]
    [InlineData(Role.Editor)]
    public async Task Visible_text_is_found_by_any_spelling_in_English_and_Arabic(Role role)
    {
        using var folder = new TempFolder();
        var (store, _, visible, arabic) = await SeedAsync(folder);
        foreach (var spelling in new[] { "Ḥasan", "Hasan", "hasan", "HASAN", "ＨＡＳＡＮ", "ｈａｓａｎ ｋｈａｒｒｕｂ", "Kharrub", "kharrūb teacher", "Khar", "kafr nabudah" })
        {
            Assert.Contains(visible.ToString(), await IdsAsync(store, spelling, role), StringComparison.Ordinal);
        }

        // Arabic written with and without tashkeel, with and without the hamza on the alef, whole words and prefixes.
        foreach (var spelling in new[] { "قصف مدفعي", "قَصْفٌ مَدْفَعِيٌّ", "محمد", "مُحَمَّد", "الاحمد", "الأحمد", "كفر نبودة", "نبو" })
        {
            Assert.Equal(arabic.ToString(), await IdsAsync(store, spelling, role));
        }

        // Every word must be there; a word in the middle of another is not a match.
        Assert.Empty(await IdsAsync(store, "Hasan lorry", role));
        Assert.Empty(await IdsAsync(store, "arrub", role));
    }

    [Theory]
    [InlineData(Role.Public)]
    [InlineData(Role.Editor)]
    public async Task Text_matches_values_not_the_jsons_keys(Role role)
    {
        using var folder = new TempFolder();
        var (store, _, _, _) = await SeedAsync(folder);
        foreach (var key in new[] { "summary", "actor1", "sub_event_type", "location", "latitude", "status" })
        {
            Assert.Empty(await IdsAsync(store, key, role));
        }

        // A punctuation-only search holds no word: it finds nothing rather than everything.
        Assert.Empty(await IdsAsync(store, "\"}{", role));
    }

    [Fact]
    public async Task A_source_made_confidential_later_is_no_longer_findable_and_edits_are_searched_as_they_are_now()
    {
        using var folder = new TempFolder();
        var (store, _, visible, _) = await SeedAsync(folder);
        var later = Event("The Orontes Lantern network counted eleven dead.");
        await store.Records.AddAsync(later, Editor);
        Assert.Equal(later.Id.ToString(), await IdsAsync(store, "Orontes Lantern", Role.Public));

        await store.Sources.SaveAsync("Orontes Lantern", SourceKind.FieldNetwork, confidential: true, null, null);
        Assert.Equal(await IdsAsync(store, "qwertyuiopa", Role.Public), await IdsAsync(store, "Orontes", Role.Public));
        Assert.Equal(later.Id.ToString(), await IdsAsync(store, "Orontes Lantern", Role.Editor));
        Assert.Equal(later.Id.ToString(), await IdsAsync(store, "eleven", Role.Public));

        // An edited summary is searched as it now reads, not as it read when first indexed.
        var stored = (await store.Events.FindAsync(visible, Role.Editor))!;
        await store.Records.UpdateAsync(stored.Event with { Summary = "A bakery was hit in the evening." }, stored.Version, Editor);
        Assert.Empty(await IdsAsync(store, "teacher", Role.Public));
        Assert.Equal(visible.ToString(), await IdsAsync(store, "bakery", Role.Public));
    }

    [Theory]
    [InlineData(Role.Public)]
    [InlineData(Role.Coder)]
    public async Task An_actor_bearing_a_confidential_name_is_not_found_by_that_name_below_editor(Role role)
    {
        using var folder = new TempFolder();
        var (store, _, _, _) = await SeedAsync(folder);
        var armed = Event("Clashes on the road south of the town.") with { Actor2 = "Hasan Qudsi Watch" };
        await store.Records.AddAsync(armed, Editor);
        foreach (var actor in new[] { "Hasan Qudsi Watch", LatinSecret })
        {
            Assert.Empty(await store.Events.ListJsonAsync(new EventQuery { Actor = actor }, role));
        }

        Assert.Single(await store.Events.ListJsonAsync(new EventQuery { Actor = "Hasan Qudsi Watch" }, Role.Editor));
        Assert.Equal(4, (await store.Events.ListJsonAsync(new EventQuery { Actor = "Military Forces of Syria (2000-)" }, role)).Count);
    }

    [Fact]
    public async Task A_search_answers_while_a_writer_holds_the_lock_and_indexes_on_a_later_search()
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(Provider, folder);
        var store = await MarsadStorage.OpenAsync(target, FixedClock.At(2021, 1, 23));
        var first = Event("Shelling of the mill at dawn.");
        await store.Records.AddAsync(first, Editor);
        Assert.Equal(first.Id.ToString(), await IdsAsync(store, "mill", Role.Public));
        var later = Event("Shelling of the bakery at noon.");
        await store.Records.AddAsync(later, Editor);

        // A writer holds the lock the whole time (a long corroborate): the search must not wait for it, so it answers
        // from the index as it is, without the event not yet indexed.
        using (var writer = TestDatabases.Open(target))
        using (var hold = writer.CreateCommand())
        {
            hold.CommandText = Provider == DatabaseProvider.Sqlite ? "BEGIN IMMEDIATE" : "BEGIN; SELECT pg_advisory_xact_lock(" + Marsad.Core.Storage.Postgres.PostgresDialect.WriteLockKey.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            hold.ExecuteNonQuery();
            var search = IdsAsync(store, "bakery", Role.Public);
            Assert.True(await Task.WhenAny(search, Task.Delay(TimeSpan.FromSeconds(45))) == search, "the search waited for the writer");
            Assert.Equal("", await search);
            Assert.Equal(first.Id.ToString(), await IdsAsync(store, "mill", Role.Public));

            // Released before the connection closes: a server lets a closed session's locks go only when it notices.
            hold.CommandText = "ROLLBACK";
            hold.ExecuteNonQuery();
        }

        // The writer gone, the next search indexes the event first.
        Assert.Equal(later.Id.ToString(), await IdsAsync(store, "bakery", Role.Public));
    }

    [Fact]
    public void Words_are_the_json_values_in_normal_form()
    {
        var words = EventWords.OfPayload("""{"id":"5b1e2f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b","summary":"Ḥasan\u00A0ＫＨＡＲＲＵＢ, مُحَمَّد","fatalities":3,"tags":["Kafr-Nabudah"]}""");
        Assert.Equal("hasan kharrub محمد kafr nabudah", words);
        Assert.Equal(["hasan", "محمد"], EventWords.OfQuery("  Ḥasan!! مُحَمَّد hasan "));
        Assert.Empty(EventWords.OfQuery("—…"));
    }
}

public sealed class EventTextSearchTestsOnSqlite : EventTextSearchTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class EventTextSearchTestsOnPostgres : EventTextSearchTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
