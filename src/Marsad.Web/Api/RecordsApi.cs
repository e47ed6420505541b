using System.Globalization;
using Marsad.Core.Access;
using Marsad.Core.Storage;
using Marsad.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marsad.Web.Api;

/// <summary>
/// Documents (the team only: they are the raw reports), and the persons, claims and allegations registers
/// (through <see cref="RecordViews"/>: the registers' own role rules).
/// </summary>
internal static class RecordsApi
{
    public static RouteGroupBuilder MapRecords(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("documents").RequireAuthorization(AuthSetup.Policy(Role.Viewer));
        documents.MapGet("/", ListDocumentsAsync).WithMetadata(Limited).WithSummary("Stored documents, newest first (viewer and up)");
        documents.MapGet("/{id}", GetDocumentAsync).WithSummary("One document with its text (viewer and up)");
        api.MapGet("/persons", async (HttpContext http, IMarsadStore store, CancellationToken ct) =>
            TypedResults.Ok(await RecordViews.PersonsAsync(store, UserRole.Of(http.User), Limit(http), ct))).WithTags("registers").WithMetadata(Limited).WithSummary("Persons (sensitive fields withheld below editor unless released; the public sees published records only)");
        api.MapGet("/claims", async (HttpContext http, IMarsadStore store, CancellationToken ct) =>
            TypedResults.Ok(await RecordViews.ClaimsAsync(store, UserRole.Of(http.User), Limit(http), ct))).WithTags("registers").WithMetadata(Limited).WithSummary("Claims and their verdicts");
        api.MapGet("/allegations", async (HttpContext http, IMarsadStore store, CancellationToken ct) =>
            TypedResults.Ok(await RecordViews.AllegationsAsync(store, UserRole.Of(http.User), Limit(http), ct))).WithTags("registers").WithMetadata(Limited).WithSummary("Allegations and their investigation history");
        MapRegister<Domain.Records.Person>(api, "persons", PersonsFiltered);
        MapRegister<Domain.Records.Claim>(api, "claims", Filtered);
        MapRegister<Domain.Records.Allegation>(api, "allegations", Filtered);
        return api;
    }

    // Filters, one record and the export of a register; what each role sees is decided in Core (RecordViews over the
    // registers' queries), never here.
    private static void MapRegister<T>(RouteGroupBuilder api, string name, QueryParameters filters) where T : class
    {
        api.MapGet($"/{name}/filtered", async Task<IResult> (HttpContext http, IMarsadStore store, TimeProvider time, CancellationToken ct) =>
            Query<T>(http) is { } query
                ? TypedResults.Ok(await RecordViews.FilteredAsync<T>(store, UserRole.Of(http.User), query, Today(time), ct))
                : BadBox())
            .WithTags("registers").WithMetadata(filters).WithSummary($"The {name} register filtered, each record with its version, sources and what was withheld");
        api.MapGet($"/{name}/export", async Task<IResult> (HttpContext http, IMarsadStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (Query<T>(http) is not { } query)
            {
                return BadBox();
            }

            var format = http.Request.Query["format"].ToString() is "json" ? "json" : "csv";
            var body = await RecordViews.ExportAsync<T>(store, UserRole.Of(http.User), query, format, Today(time), ct);
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(body), format == "csv" ? "text/csv; charset=utf-8" : "application/json", $"{name}.{format}");
        }).WithTags("registers").WithMetadata(filters).WithSummary($"The filtered {name} register as CSV (default) or JSON (format=json)");
        api.MapGet($"/{name}/{{id}}", async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, NotFound>> (string id, HttpContext http, IMarsadStore store, TimeProvider time, CancellationToken ct) =>
            await RecordViews.OneAsync<T>(store, UserRole.Of(http.User), id, Today(time), ct) is { } record ? TypedResults.Ok(record) : TypedResults.NotFound())
            .WithTags("registers").WithSummary($"One record of the {name} register by its id or a 6+ character prefix, as the caller may see it");
    }

    private static readonly QueryParameters Filtered = new(
        new QueryParameter("status", "the register's status: a person's (missing …), a claim's verdict (false …), an allegation's investigation status"),
        new QueryParameter("text", "words of the record as the caller reads it (each a word or the start of one; case and accents aside)"),
        new QueryParameter("limit", "at most this many (1 to 1000; default 200)"));

    // Persons also by place: matched in Core on the record as the caller's role reads it (PersonPlaces), never the stored one.
    private static readonly QueryParameters PersonsFiltered = new([.. Filtered.Items,
        new QueryParameter("admin1", "a place in the person's record (last seen, a status step) lies in this governorate"),
        new QueryParameter("bbox", "a place in the person's record lies in this box: west,south,east,north in degrees (an exact place withheld from the caller has no point)")]);

    // Null when a persons bbox is given but is not a box; the other registers take no place filters (ignored, as any unknown parameter).
    private static Core.Registers.RegisterQuery? Query<T>(HttpContext http)
    {
        var query = new Core.Registers.RegisterQuery
        {
            Status = http.Request.Query["status"].ToString() is { Length: > 0 } status ? status.Trim().ToLowerInvariant().Replace(' ', '_') : null,
            Text = http.Request.Query["text"].ToString() is { Length: > 0 } text ? text.Trim() : null,
            Limit = Limit(http),
        };
        if (typeof(T) != typeof(Domain.Records.Person))
        {
            return query;
        }

        var bbox = http.Request.Query["bbox"].ToString();
        var box = bbox.Length > 0 ? Core.Events.BoundingBox.TryParse(bbox) : null;
        return bbox.Length > 0 && box is null ? null : query with
        {
            Admin1 = http.Request.Query["admin1"].ToString() is { Length: > 0 } admin1 ? admin1.Trim() : null,
            Within = box,
        };
    }

    private static ProblemHttpResult BadBox() =>
        TypedResults.Problem("bbox: west,south,east,north in degrees", statusCode: StatusCodes.Status400BadRequest);

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static async Task<Ok<IReadOnlyList<DocumentView>>> ListDocumentsAsync(HttpContext http, IMarsadStore store, CancellationToken cancellationToken)
    {
        var mask = await SourceMask.ForAsync(store, UserRole.Of(http.User), cancellationToken);
        var list = await store.Documents.ListAsync(Limit(http), 0, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DocumentView>>([.. list.Select(d => new DocumentView(d.Id, mask.Scrub(d.Title), d.Published, mask.Name(d.Source), d.TextLength, d.ReceivedAt, null))]);
    }

    private static async Task<Results<Ok<DocumentView>, NotFound, ProblemHttpResult>> GetDocumentAsync(string id, HttpContext http, IMarsadStore store, CancellationToken cancellationToken)
    {
        var (found, ambiguous) = await WebIds.ResolveAsync(store, Core.Ids.IdKind.Document, id, UserRole.Of(http.User), cancellationToken);
        var document = found is { } documentId ? await store.Documents.FindAsync(documentId.ToString("D"), cancellationToken) : null;
        if (document is null)
        {
            return ambiguous is null ? TypedResults.NotFound() : TypedResults.Problem(ambiguous, statusCode: StatusCodes.Status400BadRequest);
        }

        var mask = await SourceMask.ForAsync(store, UserRole.Of(http.User), cancellationToken);
        var text = await store.Extractions.CleanTextAsync(document.Id, cancellationToken) ?? document.CleanText;
        return TypedResults.Ok(new DocumentView(document.Id, mask.Scrub(document.Title), document.Published, mask.Name(document.SourceName), text.Length, document.ReceivedAt, mask.Scrub(text)));
    }

    private static readonly QueryParameters Limited = new(new QueryParameter("limit", "at most this many (1 to 1000; default 200)"));

    private static int Limit(HttpContext http) =>
        int.TryParse(http.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000 ? n : 200;
}

/// <summary>A stored document as the API shows it; <see cref="Text"/> only when one document is asked for.</summary>
public sealed record DocumentView(Guid Id, string? Title, DateOnly? Published, string? Source, int TextLength, DateTimeOffset ReceivedAt, string? Text);
