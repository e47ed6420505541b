using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Tests.Storage;

public abstract class SaveManyTests
{
    /// <summary>The database these tests run on: each concrete class below picks one, so every test runs on both.</summary>
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task New_and_changed_records_of_several_kinds_are_saved_together_or_not_at_all()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        var e = RecordStoreTests.Strike();
        await store.Records.AddAsync(e, new ChangeContext("engine"));
        var person = new Person { Id = Guid.NewGuid(), Name = "a driver", Status = PersonStatus.Injured };
        var other = RecordStoreTests.Strike();

        // The second save names a stale version: the insert before it must not stay.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.Records.SaveManyAsync(
            [new RecordSave(person, null, new ChangeContext("c")), new RecordSave(e with { Summary = "x" }, 7, new ChangeContext("c"))]));
        Assert.Null(await store.Records.GetAsync<Person>(person.Id));

        var versions = await store.Records.SaveManyAsync(
            [new RecordSave(person, null, new ChangeContext("c")), new RecordSave(e with { Summary = "x" }, 1, new ChangeContext("c")), new RecordSave(other, null, new ChangeContext("c"))]);
        Assert.Equal([1L, 2L, 1L], versions);
        Assert.Equal("x", (await store.Records.GetAsync<ConflictEvent>(e.Id))!.Value.Summary);
        Assert.NotNull(await store.Records.GetAsync<ConflictEvent>(other.Id));
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }
}

public sealed class SaveManyTestsOnSqlite : SaveManyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SaveManyTestsOnPostgres : SaveManyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
