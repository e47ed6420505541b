using Marsad.Core.Storage;
using Marsad.Core.Tests.Storage;
using Marsad.Core.Tests.Support;

namespace Marsad.Core.Tests.Audit;

public abstract class AuditVerifyTests
{
    /// <summary>The database these tests run on: each concrete class below picks one, so every test runs on both.</summary>
    protected abstract DatabaseProvider Provider { get; }

    private async Task<(TempFolder Folder, IMarsadStore Store)> StoreWithFiveRevisionsAsync()
    {
        var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        for (var i = 0; i < 5; i++)
        {
            await store.Records.AddAsync(RecordStoreTests.Strike(), new ChangeContext("coder"));
        }

        return (folder, store);
    }

    private static void Execute(IMarsadStore store, string sql) => Assert.Equal(1, TestDatabases.Execute(store.Target, sql));

    [Fact]
    public async Task An_untouched_chain_verifies()
    {
        var (folder, store) = await StoreWithFiveRevisionsAsync();
        using (folder)
        {
            var result = await store.Audit.VerifyAsync();
            Assert.True(result.Ok);
            Assert.Equal(5, result.Checked);
        }
    }

    [Theory]
    [InlineData("UPDATE revisions SET author = 'someone else' WHERE seq = 3")]
    [InlineData("UPDATE revisions SET changes = '{}' WHERE seq = 3")]
    [InlineData("UPDATE revisions SET at = '2030-01-01T00:00:00.0000000Z' WHERE seq = 3")]
    [InlineData("UPDATE revisions SET reason = 'covering up' WHERE seq = 3")]
    public async Task Editing_a_revision_row_names_that_revision(string tamper)
    {
        var (folder, store) = await StoreWithFiveRevisionsAsync();
        using (folder)
        {
            Execute(store, tamper);
            var result = await store.Audit.VerifyAsync();
            Assert.False(result.Ok);
            Assert.Equal(3, result.FirstFailure!.Sequence);
        }
    }

    [Fact]
    public async Task Rewriting_a_hash_to_match_breaks_the_next_link()
    {
        var (folder, store) = await StoreWithFiveRevisionsAsync();
        using (folder)
        {
            Execute(store, "UPDATE revisions SET hash = '" + new string('b', 64) + "' WHERE seq = 2");
            var result = await store.Audit.VerifyAsync();
            Assert.Equal(2, result.FirstFailure!.Sequence);
        }
    }

    [Fact]
    public async Task Deleting_a_revision_is_found()
    {
        var (folder, store) = await StoreWithFiveRevisionsAsync();
        using (folder)
        {
            Execute(store, "DELETE FROM revisions WHERE seq = 4");
            var result = await store.Audit.VerifyAsync();
            Assert.Equal(5, result.FirstFailure!.Sequence);
            Assert.Contains("missing", result.FirstFailure.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Editing_a_record_behind_the_audit_trail_names_its_last_revision()
    {
        var (folder, store) = await StoreWithFiveRevisionsAsync();
        using (folder)
        {
            Execute(store, "UPDATE events SET payload = replace(payload, '\"best\":3', '\"best\":30') WHERE rowid = 2");
            var result = await store.Audit.VerifyAsync();
            Assert.False(result.Ok);
            Assert.Equal("event", result.FirstFailure!.EntityType);
            Assert.Contains("changed outside Marsad", result.FirstFailure.Problem, StringComparison.Ordinal);
        }
    }
}

public sealed class AuditVerifyTestsOnSqlite : AuditVerifyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class AuditVerifyTestsOnPostgres : AuditVerifyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
