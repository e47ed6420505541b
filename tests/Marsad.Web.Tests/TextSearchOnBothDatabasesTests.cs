using Marsad.Core.Access;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Documents;
using Marsad.Domain.Events;

namespace Marsad.Web.Tests;

/// <summary>
/// <c>/api/events?text=</c> over HTTP on SQLite and on PostgreSQL (skipped without <c>MARSAD_TEST_POSTGRES</c>): the
/// public's answer for any spelling of a confidential name (accents, full-width letters, Arabic with or without
/// tashkeel, word prefixes) is byte for byte its answer for random strings, while a visible name is found by every
/// spelling; the editor finds both. The leak walk covers every route on SQLite; this proves the search on both.
/// Names and sentences written for this test.
/// </summary>
public sealed class TextSearchOnBothDatabasesTests
{
    private const string LatinSecret = "Ḥasan Qudsī Watch";
    private const string ArabicSecret = "شبكة أبو سليمان";

    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_public_finds_nothing_by_a_confidential_name_in_any_spelling_and_a_visible_name_by_every_spelling(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(provider, folder);
        var store = await MarsadStorage.OpenAsync(target, TimeProvider.System);
        await store.Sources.SaveAsync(LatinSecret, SourceKind.FieldNetwork, confidential: true, null, null);
        await store.Sources.SaveAsync(ArabicSecret, SourceKind.FieldNetwork, confidential: true, null, null);
        var context = new ChangeContext("fixture");
        var withheld = Event($"{LatinSecret} and {ArabicSecret} reported shelling of an orchard.");
        var visible = Event("Shelling near the house of Ḥasan Kharrūb and of مُحَمَّد الأَحْمَد in the early morning.");
        await store.Records.AddAsync(withheld, context);
        await store.Records.AddAsync(visible, context);
        await store.Accounts.SaveAsync("ed", Role.Editor, "correct horse battery staple 1");
        var token = await store.Accounts.CreateTokenAsync("ed");

        var (app, address) = await DemoSite.StartAsync(new MarsadWebOptions { Database = target, Urls = ["http://127.0.0.1:0"], Quiet = true }, store);
        try
        {
            using var anonymous = new HttpClient { BaseAddress = address };
            using var editor = new HttpClient { BaseAddress = address };
            editor.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            async Task<string> Body(HttpClient client, string text) =>
                await client.GetStringAsync(new Uri("/api/events?limit=1000&text=" + Uri.EscapeDataString(text), UriKind.Relative));

            var random = new Random(17);
            string[] spellings =
            [
                LatinSecret, "hasan qudsi watch", "HASAN QUDSI", "ＨＡＳＡＮ　ＱＵＤＳＩ", "Qudsī", "qudsi", "Quds", "Watch", "ｗａｔｃｈ",
                ArabicSecret, "شَبَكَةُ أَبُو سُلَيْمَان", "شبكة ابو سليمان", "سُلَيْمَان", "سليم", "شبكة",
            ];
            foreach (var spelling in spellings)
            {
                var noise = new string([.. Enumerable.Range(0, spelling.Length).Select(_ => (char)('a' + random.Next(26)))]);
                Assert.Equal(await Body(anonymous, noise), await Body(anonymous, spelling));
                Assert.Contains(withheld.Id.ToString(), await Body(editor, spelling), StringComparison.Ordinal);
            }

            foreach (var spelling in new[] { "Ḥasan", "Hasan", "ＨＡＳＡＮ", "ｋｈａｒｒｕｂ", "Kharrūb", "محمد", "مُحَمَّد", "الاحمد" })
            {
                Assert.Contains(visible.Id.ToString(), await Body(anonymous, spelling), StringComparison.Ordinal);
                Assert.DoesNotContain(withheld.Id.ToString(), await Body(anonymous, spelling), StringComparison.Ordinal);
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static ConflictEvent Event(string summary) => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
        Date = DateSpan.OnDay(new DateOnly(2023, 3, 9)),
        Actor1 = "Military Forces of Syria (2000-)",
        Location = new Location("Saraqib", null, "Idlib", "Idlib", null, new GeoPoint(35.86, 36.8), GeoPrecision.Place),
        Summary = summary,
        Status = EventStatus.Published,
    };
}
