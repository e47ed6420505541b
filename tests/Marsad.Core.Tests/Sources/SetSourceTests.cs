using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Sources;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Documents;

namespace Marsad.Core.Tests.Sources;

/// <summary>A change to the register is a revision in the audit chain, by its author, and audit views mask a confidential source.</summary>
public sealed class SetSourceTests
{
    private const string Name = "Quail Valley Monitor";

    [Fact]
    public async Task Each_change_is_a_revision_by_its_author_that_verify_checks()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var before = await store.Audit.CountAsync();

        var added = await new SetSource(store).RunAsync(Name, SourceKind.FieldNetwork, confidential: true, "https://quail.example", "two years, no retraction", new ChangeContext("alice"));
        var changed = await new SetSource(store).RunAsync("quail\u00a0valley monitor.", null, null, null, "checked again", new ChangeContext("bob", "second check"));

        Assert.Equal(added.Id, changed.Id);
        Assert.True(changed.Confidential);
        Assert.Equal("https://quail.example", changed.Url);
        var revisions = (await store.Audit.ListAsync(added.Id)).ToList();
        Assert.Equal(before + 2, await store.Audit.CountAsync());
        Assert.Equal(["alice", "bob"], revisions.Select(r => r.Author).ToArray());
        Assert.Equal(["source saved as confidential", "second check"], revisions.Select(r => r.Reason ?? "").ToArray());
        Assert.All(revisions, r => Assert.Equal("source", r.EntityType));
        Assert.Contains("checked again", revisions[^1].Changes, StringComparison.Ordinal);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Theory]
    [InlineData(Role.Public)]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Coder)]
    public async Task Below_editor_a_confidential_sources_revisions_name_neither_it_nor_its_link_or_note(Role role)
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var source = await new SetSource(store).RunAsync(Name, SourceKind.FieldNetwork, confidential: true, "https://quail.example/feed", "met in person", new ChangeContext("alice"));
        var revision = Assert.Single(await store.Audit.ListAsync(source.Id));
        var secrets = new ConfidentialNames([Name]);

        var masked = AuditMask.Changes(revision.EntityType, revision.Changes, role, secrets, n => secrets.Scrub(n) != n);
        var editor = AuditMask.Changes(revision.EntityType, revision.Changes, Role.Editor, secrets, n => secrets.Scrub(n) != n);

        Assert.Contains(RoleRules.ConfidentialSourceName, masked, StringComparison.Ordinal);
        foreach (var secret in new[] { "quail", "met in person" })
        {
            Assert.DoesNotContain(secret, masked, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(secret, editor, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_public_sources_revision_is_shown_as_it_is()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var source = await new SetSource(store).RunAsync("Open Wire", SourceKind.Outlet, confidential: false, "https://wire.example", null, new ChangeContext("alice"));
        var revision = Assert.Single(await store.Audit.ListAsync(source.Id));

        var viewer = AuditMask.Changes(revision.EntityType, revision.Changes, Role.Viewer, ConfidentialNames.None, _ => false);

        Assert.Contains("Open Wire", viewer, StringComparison.Ordinal);
        Assert.Contains("https://wire.example", viewer, StringComparison.Ordinal);
    }
}
