using System.Net.Http.Headers;
using Marsad.Cli;
using Marsad.Core.Access;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;
using Marsad.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Marsad.Tests.Support;

/// <summary>
/// The demo database (built by <c>marsad demo --no-serve</c>, in process), plus two fictional reports from a
/// confidential field network and a sensitive detainee record; half the events published; one account and
/// token per role and a revoked token; served by real Kestrel on 127.0.0.1 at a random port. Shared by the web tests
/// (a collection fixture) and the bench's <c>leak-walk</c>, which build the same site.
/// </summary>
public sealed partial class DemoSite
{
    public const string ConfidentialSource = "Nightjar Field Network";
    public const string Password = "correct horse battery";

    /// <summary>Values of the detainee's sensitive fields: the public must never receive any of them.</summary>
    public static readonly string[] SensitivePersonValues = ["basement of the Tishreen silo depot", "Unit 7719 Guard", "Wadi Zghayyar checkpoint", "Abu Kinan al-Test"];

    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public IMarsadStore Store { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public Dictionary<Role, string> Tokens { get; } = [];

    public string RevokedToken { get; private set; } = "";

    public string Folder => _folder.Path;

    /// <summary>
    /// An empty PostgreSQL database to serve the site from, or null for SQLite: the demo is always built on SQLite (the demo
    /// command's own), then copied there by <c>marsad db copy</c> (accounts and tokens with it) and served from the copy.
    /// </summary>
    public string? PostgresDatabase { get; init; }

    public async ValueTask InitializeAsync()
    {
        await BuildAsync();
        await ServeAsync();
    }

    /// <summary>Builds the site's record on SQLite (<see cref="Store"/>), without serving it: a site that plants more records does so in between.</summary>
    public async Task BuildAsync()
    {
        var database = Path.Combine(_folder.Path, "demo", "marsad.db");
        await RunCliAsync("demo", "--no-serve", "--dir", Path.Combine(_folder.Path, "demo"));
        var reports = Path.Combine(_folder.Path, "nightjar");
        Directory.CreateDirectory(reports);
        File.WriteAllText(Path.Combine(reports, "a.txt"), $"---\ntitle: Shelling on farmland\npublished: 2023-03-05\nsource: {ConfidentialSource}\n---\n" +
            "On 4 March 2023, artillery rounds fell on fields at the edge of Kafr Nabl in Idlib governorate; two farmers were killed and three wounded, residents told us.\n");
        File.WriteAllText(Path.Combine(reports, "b.txt"), $"---\ntitle: Car hit on the Ariha road\npublished: 2023-03-07\nsource: {ConfidentialSource}\n---\n" +
            "On 6 March 2023, a drone hit a car on the road from Ariha to Jisr al-Shughur in Idlib, killing the man at the wheel.\n");
        await RunCliAsync("--db", database, "ingest", reports);
        await RunCliAsync("--db", database, "sources", "set", ConfidentialSource, "--kind", "FieldNetwork", "--confidential");
        // Grading writes each event's reason, which names its sources ("a single source: ..."): the masking must cover it.
        await RunCliAsync("--db", database, "corroborate");
        Store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System);
        await PublishHalfAsync();
        await AddDetaineeAsync();

        foreach (var role in new[] { Role.Viewer, Role.Coder, Role.Editor, Role.Admin })
        {
            var name = RoleNames.Name(role);
            await Store.Accounts.SaveAsync(name, role, Password);
            Tokens[role] = await Store.Accounts.CreateTokenAsync(name);
        }

        await Store.Accounts.SaveAsync("former", Role.Admin, Password);
        RevokedToken = await Store.Accounts.CreateTokenAsync("former");
        await Store.Accounts.RevokeTokensAsync("former");
    }

    /// <summary>Serves the record built (on PostgreSQL, a copy of it, accounts and tokens included) by real Kestrel.</summary>
    public async Task ServeAsync()
    {
        if (PostgresDatabase is { } postgres)
        {
            await RunCliAsync("db", "copy", "--from", Store.Target.Value, "--to", postgres);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.PostgreSql, postgres), TimeProvider.System);
        }

        // Sign-in is rate limited per address; every test here comes from 127.0.0.1, so the shared site allows more.
        (_app, BaseAddress) = await StartAsync(new MarsadWebOptions { Database = Store.Target, Urls = ["http://127.0.0.1:0"], Quiet = true, SignInsPerMinute = 1000 }, Store);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    /// <summary>Starts another server over the same store, with other options (a tighter sign-in limit, say).</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(MarsadWebOptions options, IMarsadStore store)
    {
        var app = MarsadWebApp.Build(options, store);
        await app.StartAsync();
        return (app, new Uri(MarsadWebApp.Addresses(app).First()));
    }

    /// <summary>
    /// Every route the running site answers, as "METHOD /path/{param}" (constraints left out, no trailing '/'), read from its
    /// endpoint table: the leak walk requires the OpenAPI document to declare each, so no route escapes the walk.
    /// </summary>
    public IReadOnlyList<string> Routes() => [.. _app!.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
        .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .Select(m => $"{m} {RouteKey(e.RoutePattern)}"))
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>A path as the OpenAPI document writes it: parameters by name only, no trailing '/'.</summary>
    public static string PathKey(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    private static string RouteKey(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern) => PathKey("/" + string.Join('/', pattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })))));

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    internal static async Task RunCliAsync(params string[] args)
    {
        var (code, _, error) = await CliAsync(args);
        if (code != 0)
        {
            throw new InvalidOperationException($"marsad {string.Join(' ', args)} exited {code}: {error}");
        }
    }

    /// <summary>Runs <c>marsad</c> in process; its exit code, standard output and standard error.</summary>
    internal static async Task<(int Code, string Output, string Error)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        var error = new StringWriter();
        var env = new CliEnvironment(console, error, TimeProvider.System, Environment.GetEnvironmentVariable, false);
        var code = await MarsadCli.RunAsync(args, env);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Every other standing event goes extracted → reviewed → verified → published; the rest stay in the review queue.</summary>
    private async Task PublishHalfAsync()
    {
        var events = await Store.Events.ListAsync(new Core.Events.EventQuery { Limit = 10_000 }, Role.Editor);
        var context = new ChangeContext("fixture", "publish for the web tests");
        var status = new SetEventStatus(Store);
        foreach (var (item, index) in events.Select((e, i) => (e, i)))
        {
            // The confidential network's events are always published: they are what the public must not trace back.
            if (index % 2 == 1 && !item.Sources.Contains(ConfidentialSource))
            {
                continue;
            }

            // The demo has already published the events it would show the public; those stay as they are.
            foreach (var next in new[] { EventStatus.Reviewed, EventStatus.Verified, EventStatus.Published }.Where(s => s > item.Event.Status))
            {
                await status.RunAsync(item.Event.Id, next, null, context);
            }
        }
    }

    private async Task AddDetaineeAsync()
    {
        var person = new Person
        {
            Id = Guid.NewGuid(),
            Name = "Karim Test-Detainee",
            Aliases = [SensitivePersonValues[3]],
            Status = PersonStatus.Detained,
            Fate = "held in the " + SensitivePersonValues[0],
            HeldBy = SensitivePersonValues[1],
            LastSeenAt = new Location(SensitivePersonValues[2], null, "Rural Damascus", null, null, new GeoPoint(33.5, 36.2), GeoPrecision.Place),
            ReviewStatus = EventStatus.Published,
        };
        await Store.Records.AddAsync(person, new ChangeContext("fixture", "a sensitive record for the masking tests"));
    }
}
