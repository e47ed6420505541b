using System.Text.Json;
using Marsad.Cli.Tests.Support;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Cli.Tests;

public sealed class EventsCommandTests
{
    private const string Secret = "Eastern Field Network";

    private static async Task<TempFolder> RecordWithAConfidentialSourceAsync()
    {
        var folder = new TempFolder();
        folder.Write("a.txt", "Shelling hit Kansafra on Monday; two civilians were killed.");
        folder.Write("b.txt", "Clashes near Tal Tamr killed three fighters.");
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.txt", "--source", Secret, "--published", "2022-01-19", "--no-extract", "--db", "m.db")).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "b.txt", "--source", "Open Outlet", "--published", "2022-01-19", "--no-extract", "--db", "m.db")).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "sources", "set", Secret, "--confidential", "--kind", "FieldNetwork", "--db", "m.db")).ExitCode);

        var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, folder.File("m.db")), TimeProvider.System);
        var docs = await store.Documents.ListAsync();
        foreach (var (doc, published) in docs.Select(d => (d, true)).Append((docs[0], false)))
        {
            await store.Records.AddAsync(
                new ConflictEvent
                {
                    Id = Guid.NewGuid(),
                    SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
                    Date = DateSpan.OnDay(new DateOnly(2022, 1, 17)),
                    Actor1 = "Military Forces of Syria (2000-)",
                    Actor2 = "Civilians (Syria)",
                    Location = new Location("Kansafra", null, "Idleb", "Ariha", null, new GeoPoint(35.62, 36.53), GeoPrecision.Place),
                    Status = published ? EventStatus.Published : EventStatus.Reviewed,
                    DocumentIds = [doc.Id],
                },
                new ChangeContext("test"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return folder;
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("geojson")]
    [InlineData("acled")]
    [InlineData("ucdp")]
    [InlineData("hxl")]
    [InlineData("jsonl")]
    [InlineData("table")]
    public async Task The_public_never_sees_a_confidential_source_in_any_format(string format)
    {
        using var folder = await RecordWithAConfidentialSourceAsync();
        var publicRun = await MarsadProcess.RunAsync(folder.Path, "events", "--format", format, "--role", "public", "--db", "m.db");
        var editorRun = await MarsadProcess.RunAsync(folder.Path, "events", "--format", format, "--role", "editor", "--db", "m.db");

        Assert.Equal(0, publicRun.ExitCode);
        Assert.DoesNotContain(Secret, publicRun.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Open Outlet", publicRun.Stdout, StringComparison.Ordinal);
        Assert.Contains("confidential source", publicRun.Stdout, StringComparison.Ordinal);
        Assert.Contains(Secret, editorRun.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_sees_published_events_only_and_filters_apply()
    {
        using var folder = await RecordWithAConfidentialSourceAsync();
        int Count(string json) => JsonDocument.Parse(json).RootElement.GetArrayLength();

        Assert.Equal(2, Count((await MarsadProcess.RunAsync(folder.Path, "events", "--format", "json", "--role", "public", "--db", "m.db")).Stdout));
        Assert.Equal(3, Count((await MarsadProcess.RunAsync(folder.Path, "events", "--format", "json", "--db", "m.db")).Stdout));
        Assert.Equal(1, Count((await MarsadProcess.RunAsync(folder.Path, "events", "--format", "json", "--status", "reviewed", "--db", "m.db")).Stdout));
        Assert.Equal(0, Count((await MarsadProcess.RunAsync(folder.Path, "events", "--format", "json", "--from", "2022-02-01", "--db", "m.db")).Stdout));
        Assert.Equal(3, Count((await MarsadProcess.RunAsync(folder.Path, "events", "--format", "json", "--actor", "Civilians (Syria)", "--admin1", "Idleb", "--db", "m.db")).Stdout));
        var badType = await MarsadProcess.RunAsync(folder.Path, "events", "--sub-type", "Airstrike", "--db", "m.db");
        Assert.Equal(2, badType.ExitCode);
    }

    [Fact]
    public async Task Public_source_lists_leave_confidential_sources_out()
    {
        using var folder = await RecordWithAConfidentialSourceAsync();
        var run = await MarsadProcess.RunAsync(folder.Path, "sources", "list", "--json", "--role", "public", "--db", "m.db");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(Secret, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Open Outlet", run.Stdout, StringComparison.Ordinal);
    }
}
