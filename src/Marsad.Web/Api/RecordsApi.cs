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
        return api;
    }

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
