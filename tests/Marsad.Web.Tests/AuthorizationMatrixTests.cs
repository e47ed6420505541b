using System.Text;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Domain.Events;

namespace Marsad.Web.Tests;

/// <summary>
/// Every route, called with each role's token, anonymously and with a revoked token: allowed roles get through
/// (a write then fails on purpose, on a stale version or an unknown id, so nothing changes), lower roles get
/// 403, anonymous callers 401 (or 404 for a record the public may not know exists), a revoked token 401 everywhere.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class AuthorizationMatrixTests(DemoSite site)
{
    private sealed record Route(string Method, string Path, Role Minimum, string? Body = null);

    [Fact]
    public async Task Every_route_allows_exactly_the_roles_it_should()
    {
        var routes = await RoutesAsync();
        var failures = new List<string>();
        var callers = new List<(string Name, string? Token, Role? Role)> { ("anonymous", null, Role.Public), ("revoked token", site.RevokedToken, null) };
        callers.AddRange(site.Tokens.Select(t => (RoleNames.Name(t.Key), (string?)t.Value, (Role?)t.Key)));
        foreach (var (name, token, role) in callers)
        {
            using var client = site.Client(token);
            foreach (var route in routes)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
                if (route.Body is not null)
                {
                    request.Content = new StringContent(route.Body, Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var expected = role is null ? "401"
                    : role >= route.Minimum ? "allowed"
                    : role == Role.Public ? (route.Path.StartsWith("/api/events/", StringComparison.Ordinal) && route.Method == "GET" ? "404" : "401")
                    : "403";
                var ok = expected switch
                {
                    "allowed" => status is not (401 or 403) && status < 500 && (route.Method != "GET" || status == 200),
                    _ => status == int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
                };
                if (!ok)
                {
                    failures.Add($"{name} {route.Method} {route.Path}: got {status}, expected {expected}");
                }
            }
        }

        foreach (var role in site.Tokens.Keys.ToList())
        {
            site.Tokens[role] = await site.Store.Accounts.CreateTokenAsync(RoleNames.Name(role));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(routes.Count >= 20, $"only {routes.Count} routes checked");
    }

    [Fact]
    public async Task The_matrix_covers_every_api_route_the_openapi_document_lists()
    {
        using var client = site.Client();
        var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var listed = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant() + " " + Template(p.Name))).ToHashSet();
        var checkedRoutes = (await RoutesAsync()).Select(r => r.Method + " " + Template(r.Path)).ToHashSet();
        var missing = listed.Where(l => !checkedRoutes.Contains(l)).ToList();
        Assert.True(missing.Count == 0, "routes not in the matrix: " + string.Join(", ", missing));
    }

    private static string Template(string path)
    {
        var bare = path.Split('?')[0].TrimEnd('/');
        return System.Text.RegularExpressions.Regex.Replace(bare, "(\\{[^}]+\\}|[0-9a-f]{8}-[0-9a-f-]{27})", "{}");
    }

    private async Task<List<Route>> RoutesAsync()
    {
        var published = (await site.Store.Events.ListAsync(new EventQuery { Status = EventStatus.Published, Limit = 1 }, Role.Editor))[0].Event.Id;
        var hidden = (await site.Store.Events.ListAsync(new EventQuery { Status = EventStatus.Extracted, Limit = 1 }, Role.Editor))[0].Event;
        var document = hidden.DocumentIds[0];
        var unknown = Guid.NewGuid();
        var person = await PublicIdAsync(new Domain.Records.Person { Id = Guid.CreateVersion7(), Name = "matrix person", Status = Domain.Records.PersonStatus.Missing, ReviewStatus = EventStatus.Published });
        var claim = await PublicIdAsync(new Domain.Records.Claim { Id = Guid.CreateVersion7(), Claimant = "matrix claimant", Statement = "matrix statement", Status = EventStatus.Published });
        var allegation = await PublicIdAsync(new Domain.Records.Allegation
        {
            Id = Guid.CreateVersion7(), Summary = "matrix allegation", ReviewStatus = EventStatus.Published,
            History = [new Domain.Records.InvestigationStep(Domain.Records.InvestigationStatus.Alleged, new DateOnly(2021, 1, 1))],
        });
        return
        [
            new("GET", "/health", Role.Public),
            new("GET", "/openapi/v1.json", Role.Public),
            new("GET", "/api/events", Role.Public),
            new("GET", "/api/events?format=geojson&type=Battles", Role.Public),
            new("GET", "/api/events?format=csv", Role.Public),
            new("GET", "/api/events?format=acled", Role.Public),
            new("GET", "/api/events/deletions", Role.Public),
            new("GET", $"/api/events/{published}", Role.Public),
            new("GET", $"/api/events/{hidden.Id}", Role.Viewer),
            new("GET", "/api/documents", Role.Viewer),
            new("GET", $"/api/documents/{document}", Role.Viewer),
            new("GET", "/api/persons", Role.Public),
            new("GET", "/api/claims", Role.Public),
            new("GET", "/api/allegations", Role.Public),
            // The registers' filters, pages and exports are open to all; what each role sees in them is masked in Core.
            new("GET", "/api/persons/filtered?status=missing", Role.Public),
            new("GET", "/api/claims/filtered", Role.Public),
            new("GET", "/api/allegations/filtered", Role.Public),
            new("GET", "/api/persons/export", Role.Public),
            new("GET", "/api/claims/export?format=json", Role.Public),
            new("GET", "/api/allegations/export", Role.Public),
            new("GET", $"/api/persons/{person}", Role.Public),
            new("GET", $"/api/claims/{claim}", Role.Public),
            new("GET", $"/api/allegations/{allegation}", Role.Public),
            new("GET", "/api/boundaries?level=1", Role.Public),
            new("GET", "/api/places/arabic?place=C4068&area=Idleb", Role.Public),
            new("GET", "/api/account/me", Role.Public),
            new("GET", "/api/account/antiforgery", Role.Public),
            new("GET", $"/api/audit/{published}", Role.Viewer),
            new("GET", "/api/users", Role.Admin),
            new("GET", "/api/review", Role.Coder),
            new("GET", "/api/review/places?name=Rmelan", Role.Coder),
            // Writes that pass authorisation and then fail on purpose (stale version, unknown id): nothing changes.
            new("POST", "/api/review/decisions", Role.Coder, $$"""{"kind":"event","id":"{{hidden.Id}}","action":"accept","version":9999}"""),
            // Merging proposals is a coder's decision (the use case refuses merging decided events to a coder).
            new("POST", "/api/review/merge", Role.Coder, $$"""{"target":"{{unknown}}","merged":["{{Guid.NewGuid()}}"]}"""),
            new("POST", $"/api/events/{unknown}/status", Role.Editor, """{"status":"published"}"""),
            new("POST", "/api/events/status", Role.Editor, $$"""{"ids":["{{unknown}}"],"status":"published"}"""),
            // Signing in and out need no role; by token, writes need no anti-forgery token.
            new("POST", "/api/account/signin", Role.Public, $$"""{"name":"viewer","password":"{{DemoSite.Password}}"}"""),
            // Signing out ends every session and token of the account: last, and the caller's token is made anew after.
            new("POST", "/api/account/signout", Role.Public, "{}"),
        ];
    }

    private static Guid IdOf(object record) => record switch
    {
        Domain.Records.Person p => p.Id,
        Domain.Records.Claim c => c.Id,
        Domain.Records.Allegation a => a.Id,
        _ => throw new ArgumentException("not a register record", nameof(record)),
    };

    /// <summary>A record of this register the public may see: one already stored, or this one added (once).</summary>
    private async Task<Guid> PublicIdAsync<T>(T record) where T : class
    {
        if ((await site.Store.Registers.ListAsync<T>(new Core.Registers.RegisterQuery { Limit = 1 }, Role.Public)).FirstOrDefault() is { } seen)
        {
            return IdOf(seen.Record);
        }

        await site.Store.Records.AddAsync(record, new Core.Storage.ChangeContext("matrix"));
        return IdOf(record);
    }
}
