using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Npgsql;

namespace Marsad.Core.Tests.Events;

/// <summary>
/// The box and radius filters give one answer on every path: SQLite's plain columns, PostgreSQL's plain columns (a
/// server without PostGIS, or a role that may not create it) and PostGIS's GiST index. Points chosen for the test:
/// distances between them are far from every radius asked, except where a test names the edge it checks.
/// </summary>
public abstract class SpatialFilterTests
{
    private static readonly ChangeContext Coder = new("coder");

    /// <summary>A migrated store on the path under test, and whether it should have PostGIS's column.</summary>
    protected abstract Task<(IMarsadStore Store, DatabaseTarget Target)> OpenAsync(TempFolder folder);

    protected abstract bool ExpectPostGis { get; }

    private static ConflictEvent At(string place, GeoPoint? point) => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
        Date = DateSpan.OnDay(new DateOnly(2023, 3, 14)),
        Actor1 = "Military Forces of Syria (2000-)",
        Location = new Location(place, null, "Test Governorate", null, null, point, point is null ? GeoPrecision.Region : GeoPrecision.Place),
        Summary = $"Shelling reported near {place}.",
        Status = EventStatus.Published,
    };

    private static async Task<string> PlacesAsync(IMarsadStore store, EventQuery query) =>
        string.Join(",", (await store.Events.ListAsync(query, Role.Viewer)).Select(e => e.Event.Location!.Name).Order(StringComparer.Ordinal));

    private async Task<IMarsadStore> SeedAsync(TempFolder folder)
    {
        var (store, target) = await OpenAsync(folder);
        if (target.Provider == DatabaseProvider.PostgreSql)
        {
            var hasGeom = TestDatabases.Scalar(target, "SELECT COUNT(*) FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'geom'") == 1;
            Assert.Equal(ExpectPostGis, hasGeom);
        }

        await store.Records.AddAsync(At("Homs", new GeoPoint(34.73, 36.71)), Coder);
        await store.Records.AddAsync(At("Hama", new GeoPoint(35.13, 36.75)), Coder);       // about 45 km north of Homs
        await store.Records.AddAsync(At("Aleppo", new GeoPoint(36.20, 37.16)), Coder);     // about 170 km from Homs
        await store.Records.AddAsync(At("Edge", new GeoPoint(34.0, 36.5)), Coder);         // on the test box's south-west corner, about 84 km from Homs
        await store.Records.AddAsync(At("Corner", new GeoPoint(35.5, 37.6)), Coder);       // inside the box around a 100 km circle at Homs, outside the circle
        await store.Records.AddAsync(At("Unplaced", null), Coder);
        await store.Records.AddAsync(At("EastOfDateline", new GeoPoint(0.0, -179.95)), Coder);
        if (target.Provider == DatabaseProvider.PostgreSql && ExpectPostGis)
        {
            // The generated geometry follows every point written through the store, and only those.
            Assert.Equal(6, TestDatabases.Scalar(target, "SELECT COUNT(geom) FROM events"));
        }

        return store;
    }

    [Fact]
    public async Task A_box_holds_the_points_inside_it_and_on_its_edges()
    {
        using var folder = new TempFolder();
        var store = await SeedAsync(folder);

        Assert.Equal("Edge,Hama,Homs", await PlacesAsync(store, new EventQuery { Within = new BoundingBox(36.5, 34.0, 37.0, 35.5) }));
        Assert.Equal("Aleppo,Corner,Edge,Hama,Homs", await PlacesAsync(store, new EventQuery { Within = new BoundingBox(36.0, 33.0, 38.0, 37.0) }));
        Assert.Equal("", await PlacesAsync(store, new EventQuery { Within = new BoundingBox(10, 10, 11, 11) }));
        // Other filters still apply beside the box.
        Assert.Equal("", await PlacesAsync(store, new EventQuery { Within = new BoundingBox(36.5, 34.0, 37.0, 35.5), Admin1 = "Elsewhere" }));
    }

    [Fact]
    public async Task A_radius_holds_the_points_within_that_distance_on_the_sphere()
    {
        using var folder = new TempFolder();
        var store = await SeedAsync(folder);

        Assert.Equal("Homs", await PlacesAsync(store, new EventQuery { Near = new GeoCircle(34.73, 36.71, 10_000) }));
        Assert.Equal("Hama,Homs", await PlacesAsync(store, new EventQuery { Near = new GeoCircle(34.73, 36.71, 60_000) }));
        Assert.Equal("Edge,Hama,Homs", await PlacesAsync(store, new EventQuery { Near = new GeoCircle(34.73, 36.71, 100_000) }));
        Assert.Equal("Corner,Edge,Hama,Homs", await PlacesAsync(store, new EventQuery { Near = new GeoCircle(34.73, 36.71, 130_000) }));
        Assert.Equal("Aleppo,Corner,Edge,Hama,Homs", await PlacesAsync(store, new EventQuery { Near = new GeoCircle(34.73, 36.71, 250_000) }));
    }

    [Fact]
    public async Task A_radius_reaches_across_the_antimeridian()
    {
        using var folder = new TempFolder();
        var store = await SeedAsync(folder);

        // 0.1 degrees of longitude at the equator: about 11 km, though the longitudes differ by 359.9.
        Assert.Equal("EastOfDateline", await PlacesAsync(store, new EventQuery { Near = new GeoCircle(0.0, 179.95, 20_000) }));
        Assert.Equal("", await PlacesAsync(store, new EventQuery { Near = new GeoCircle(0.0, 179.95, 5_000) }));
    }
}

public sealed class SpatialFilterTestsOnSqlite : SpatialFilterTests
{
    protected override bool ExpectPostGis => false;

    protected override async Task<(IMarsadStore, DatabaseTarget)> OpenAsync(TempFolder folder)
    {
        var target = TestDatabases.Target(DatabaseProvider.Sqlite, folder);
        return (await MarsadStorage.OpenAsync(target, FixedClock.At(2023, 4, 1)), target);
    }
}

/// <summary>
/// PostgreSQL without PostGIS: the database belongs to a role that may not create the extension (it is not trusted),
/// so the migration leaves it out whether or not the server has it installed, and the filters read plain columns.
/// </summary>
public sealed class SpatialFilterTestsOnPostgresWithoutPostGis : SpatialFilterTests
{
    protected override bool ExpectPostGis => false;

    protected override async Task<(IMarsadStore, DatabaseTarget)> OpenAsync(TempFolder folder)
    {
        var server = TestDatabases.Server ?? throw Xunit.Sdk.SkipException.ForSkip($"{TestDatabases.Variable} is not set: this test needs a PostgreSQL server (./test.sh starts a throwaway one)");
        var name = "marsad_plain_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString))
        {
            connection.Open();
            foreach (var sql in new[] { $"CREATE ROLE {name} LOGIN NOSUPERUSER", $"CREATE DATABASE {name} OWNER {name}" })
            {
                using var command = new NpgsqlCommand(sql, connection);
                command.ExecuteNonQuery();
            }
        }

        TestDatabases.DropAtExit(name, role: name);
        var target = new DatabaseTarget(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(server)
        {
            Database = name, Username = name, Password = null, ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1,
        }.ConnectionString);
        return (await MarsadStorage.OpenAsync(target, FixedClock.At(2023, 4, 1)), target);
    }
}

/// <summary>PostgreSQL with PostGIS: skipped with the reason when the server does not have the extension installed.</summary>
public sealed class SpatialFilterTestsOnPostGis : SpatialFilterTests
{
    protected override bool ExpectPostGis => true;

    protected override async Task<(IMarsadStore, DatabaseTarget)> OpenAsync(TempFolder folder)
    {
        var target = TestDatabases.Target(DatabaseProvider.PostgreSql, folder);
        if (TestDatabases.Scalar(target, "SELECT COUNT(*) FROM pg_available_extensions WHERE name = 'postgis'") == 0)
        {
            throw Xunit.Sdk.SkipException.ForSkip("PostGIS is not installed on the test server (Debian: postgresql-<version>-postgis-3; ./test.sh installs it as root)");
        }

        return (await MarsadStorage.OpenAsync(target, FixedClock.At(2023, 4, 1)), target);
    }
}
