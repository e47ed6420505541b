using Marsad.Core.Access;
using Marsad.Core.Storage;
using Marsad.Web.Auth;

namespace Marsad.Web.Api;

/// <summary>The audit chain for the team: one record's revisions (who, when, what changed, why), and the accounts list for admins.</summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        // Below editor, the history is masked like the record (Core's AuditMask): confidential names scrubbed from
        // what changed and why (a grade's reason lists its sources), sensitive person fields and file paths left out.
        api.MapGet("/audit/{id:guid}", async (Guid id, HttpContext http, IMarsadStore store, CancellationToken ct) =>
        {
            var role = UserRole.Of(http.User);
            var mask = await SourceMask.ForAsync(store, role, ct);
            return TypedResults.Ok<IReadOnlyList<RevisionView>>([.. (await store.Audit.ListAsync(id, 1000, ct)).Select(r =>
                new RevisionView(r.Sequence, r.EntityType, r.EntityId, r.Action.ToString().ToLowerInvariant(), r.Author, r.At, mask.Scrub(r.Reason),
                    AuditMask.Changes(r.EntityType, r.Changes, role, mask.Secrets, mask.Hides), r.Hash))]);
        })
            .RequireAuthorization(AuthSetup.Policy(Role.Viewer)).WithTags("audit").WithSummary("A record's revisions, oldest first (viewer and up)");
        api.MapGet("/users", async (IMarsadStore store, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<UserView>>([.. (await store.Accounts.ListAsync(ct)).Select(u => new UserView(u.Name, RoleNames.Name(u.Role), u.CreatedAt))]))
            .RequireAuthorization(AuthSetup.Policy(Role.Admin)).WithTags("accounts").WithSummary("Accounts and their roles (admin)");
        return api;
    }
}

/// <summary>One revision of the audit chain; <see cref="Changes"/> is the JSON of field: [old, new].</summary>
public sealed record RevisionView(long Sequence, string EntityType, Guid EntityId, string Action, string Author, DateTimeOffset At, string? Reason, string Changes, string Hash);

/// <summary>An account as admins see it (never its password hash or tokens).</summary>
public sealed record UserView(string Name, string Role, DateTimeOffset CreatedAt);
