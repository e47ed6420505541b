using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Intake;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Storage;

public abstract class BulkRewriteTests
{
    /// <summary>The database these tests run on: each concrete class below picks one, so every test runs on both.</summary>
    protected abstract DatabaseProvider Provider { get; }

    private static readonly ChangeContext Coder = new("coder-a", "bulk test");

    [Fact]
    public async Task A_patch_sets_fields_and_their_columns_with_a_revision_and_the_chain_verifies()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        var strike = RecordStoreTests.Strike();
        var other = RecordStoreTests.Strike();
        await store.Records.AddAsync(strike, Coder);
        await store.Records.AddAsync(other, Coder);

        await using (var rewrite = await store.Records.BeginBulkRewriteAsync())
        {
            await foreach (var stored in rewrite.ReadAsync<ConflictEvent>(id => id == other.Id))
            {
                await rewrite.PatchAsync<ConflictEvent>(stored, [new FieldValue("merged_into", strike.Id), new FieldValue("grade", Grade.Weak)], Coder);
            }

            await rewrite.CommitAsync();
        }

        var read = await store.Records.GetAsync<ConflictEvent>(other.Id);
        Assert.Equal(other with { MergedInto = strike.Id, Grade = Grade.Weak }, read!.Value);
        Assert.Equal(2, read.Version);
        var revisions = await store.Audit.ListAsync(other.Id);
        Assert.Equal(2, revisions.Count);
        Assert.Equal("""{"grade":{"old":null,"new":"weak"},"merged_into":{"old":null,"new":"%"}}""".Replace("%", strike.Id.ToString("D"), StringComparison.Ordinal), revisions[1].Changes);
        Assert.Single(await store.Audit.ListAsync(strike.Id));
        Assert.DoesNotContain(await store.Events.ListAsync(new EventQuery(), Role.Editor), i => i.Event.Id == other.Id);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Documents_patched_are_linked_and_a_patch_that_changes_nothing_is_no_revision()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        var ingest = new IngestDocuments(store, TimeProvider.System);
        var report = await ingest.RunAsync(new IngestRequest([folder.Write("a.txt", "A fictional report of shelling near a village.")], null, "Outlet A"), Coder);
        var strike = RecordStoreTests.Strike();
        await store.Records.AddAsync(strike, Coder);
        var document = report.Outcomes[0].DocumentId!.Value;

        await using (var rewrite = await store.Records.BeginBulkRewriteAsync())
        {
            await foreach (var stored in rewrite.ReadAsync<ConflictEvent>(_ => true))
            {
                await rewrite.PatchAsync<ConflictEvent>(stored, [new FieldValue("document_ids", new[] { document })], Coder);
                await rewrite.PatchAsync<ConflictEvent>(stored, [new FieldValue("summary", null)], Coder);
            }

            await rewrite.CommitAsync();
        }

        Assert.Equal([("event", strike.Id)], await store.Records.OfDocumentAsync(document));
        Assert.Equal(2, (await store.Audit.ListAsync(strike.Id)).Count);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_field_a_column_is_computed_from_cannot_be_patched_and_nothing_is_saved_uncommitted()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        var strike = RecordStoreTests.Strike();
        await store.Records.AddAsync(strike, Coder);

        await using (var rewrite = await store.Records.BeginBulkRewriteAsync())
        {
            await foreach (var stored in rewrite.ReadAsync<ConflictEvent>(_ => true))
            {
                await Assert.ThrowsAsync<NotSupportedException>(() => rewrite.PatchAsync<ConflictEvent>(stored, [new FieldValue("actor1", "someone else")], Coder));
                await rewrite.PatchAsync<ConflictEvent>(stored, [new FieldValue("grade", Grade.Fair)], Coder);
            }
        }

        Assert.Equal(strike, (await store.Records.GetAsync<ConflictEvent>(strike.Id))!.Value);
        Assert.Single(await store.Audit.ListAsync(strike.Id));
    }
}

public sealed class BulkRewriteTestsOnSqlite : BulkRewriteTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class BulkRewriteTestsOnPostgres : BulkRewriteTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
