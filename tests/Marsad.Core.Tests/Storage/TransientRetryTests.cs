using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Npgsql;

namespace Marsad.Core.Tests.Storage;

/// <summary>
/// A record write that fails for a passing reason on PostgreSQL (a serialization failure, a deadlock, the server
/// dropping the connection) is run again whole and stored once; any other failure is reported at once. The failures
/// are raised by a trigger written for the test, counted by a sequence (which a rollback does not undo).
/// </summary>
public sealed class TransientRetryTests
{
    private static readonly ChangeContext Coder = new("coder");

    private static ConflictEvent Shelling() => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
        Date = DateSpan.OnDay(new DateOnly(2023, 5, 2)),
        Actor1 = "Military Forces of Syria (2000-)",
        Location = new Location("Test Village", null, "Test Governorate", null, null, new GeoPoint(35.0, 37.0), GeoPrecision.Place),
        Summary = "Shelling written for the retry test.",
        Status = EventStatus.Reviewed,
    };

    /// <summary>The first <paramref name="failures"/> inserts into events fail with <paramref name="failure"/> (PL/pgSQL).</summary>
    private static void Inject(DatabaseTarget target, int failures, string failure) => TestDatabases.Execute(target, $"""
        CREATE SEQUENCE test_attempts;
        CREATE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF nextval('test_attempts') <= {failures} THEN
                {failure};
            END IF;
            RETURN NEW;
        END;
        $$;
        CREATE TRIGGER test_fail BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION test_fail();
        """);

    [Theory]
    [InlineData("RAISE EXCEPTION 'injected' USING ERRCODE = '40001'")]   // serialization failure
    [InlineData("RAISE EXCEPTION 'injected' USING ERRCODE = '40P01'")]   // deadlock detected
    [InlineData("PERFORM pg_terminate_backend(pg_backend_pid())")]       // the connection goes away mid-transaction
    public async Task A_write_failing_for_a_passing_reason_is_run_again_and_stored_once(string failure)
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(DatabaseProvider.PostgreSql, folder);
        var store = await MarsadStorage.OpenAsync(target, FixedClock.At(2023, 6, 1));
        Inject(target, 2, failure);

        var stored = await store.Records.AddAsync(Shelling(), Coder);

        Assert.Equal(3, TestDatabases.Scalar(target, "SELECT last_value FROM test_attempts"));
        Assert.Equal(1, TestDatabases.Scalar(target, "SELECT COUNT(*) FROM events"));
        Assert.Equal(1, TestDatabases.Scalar(target, $"SELECT COUNT(*) FROM revisions WHERE entity_id = '{stored.Value.Id:D}'"));
        Assert.True((await store.Audit.VerifyAsync()).Ok, "the chain verifies");
    }

    [Fact]
    public async Task Any_other_failure_is_reported_without_a_second_attempt()
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(DatabaseProvider.PostgreSql, folder);
        var store = await MarsadStorage.OpenAsync(target, FixedClock.At(2023, 6, 1));
        Inject(target, 1, "RAISE EXCEPTION 'injected' USING ERRCODE = '23514'");

        var error = await Assert.ThrowsAsync<PostgresException>(() => store.Records.AddAsync(Shelling(), Coder));

        Assert.Equal("23514", error.SqlState);
        Assert.Equal(1, TestDatabases.Scalar(target, "SELECT last_value FROM test_attempts"));
        Assert.Equal(0, TestDatabases.Scalar(target, "SELECT COUNT(*) FROM events"));
    }
}
