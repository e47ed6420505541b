using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Corroboration;
using Marsad.Core.Names;
using Marsad.Core.Records;
using Marsad.Core.Review;
using Marsad.Core.Review.PlainValues;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marsad.Web.Api;

/// <summary>
/// The review queue over HTTP, the same use cases as <c>marsad review</c>: list proposals with their passage,
/// accept / edit / reject (coders and up), merge events and move them to verified or published (editors and up).
/// Every write is a revision under the signed-in name.
/// </summary>
internal static class ReviewApi
{
    public static RouteGroupBuilder MapReview(this RouteGroupBuilder api)
    {
        var review = api.MapGroup("/review").WithTags("review").AddEndpointFilter<AntiforgeryFilter>();
        review.MapGet("/", PendingAsync).RequireAuthorization(AuthSetup.Policy(Role.Coder)).WithSummary("Proposals awaiting review, with the text they came from");
        review.MapPost("/decisions", DecideAsync).RequireAuthorization(AuthSetup.Policy(Role.Coder)).WithSummary("Accept, edit or reject one proposal (as marsad review --batch)");
        review.MapPost("/merge", MergeAsync).RequireAuthorization(AuthSetup.Policy(Role.Coder))
            .WithSummary("Merge events that report one incident into a target event: proposals awaiting review (coders), any events (editors)");
        api.MapPost("/events/status", BulkStatusAsync).WithTags("review").AddEndpointFilter<AntiforgeryFilter>()
            .RequireAuthorization(AuthSetup.Policy(Role.Editor)).WithSummary("Move several events at once (bulk publish): each id reports its own outcome");
        review.MapGet("/places", (string name) => TypedResults.Ok(PlainFields.Default.Places.Candidates(name)))
            .RequireAuthorization(AuthSetup.Policy(Role.Coder)).WithSummary("The gazetteer's candidates for a place name, numbered: send 'name #N' as the location to pick one");
        api.MapPost("/events/{id:guid}/status", StatusAsync).WithTags("review").AddEndpointFilter<AntiforgeryFilter>()
            .RequireAuthorization(AuthSetup.Policy(Role.Editor)).WithSummary("Move an event to verified, published, back, or rejected");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ReviewEntry>>> PendingAsync(IMarsadStore store, ReviewRecords review, UndoSplit undo, HttpContext http, CancellationToken cancellationToken)
    {
        var items = (await review.PendingAsync(null, cancellationToken)).Take(200).ToList();
        var role = UserRole.Of(http.User);
        var mask = await SourceMask.ForAsync(store, role, cancellationToken);
        var texts = new Dictionary<Guid, (string? Text, string? Source, string? Title)>();
        var publishedOn = new Dictionary<Guid, DateOnly?>();
        var entries = new List<ReviewEntry>();
        foreach (var item in items)
        {
            if (item.DocumentId is { } documentId && !texts.ContainsKey(documentId))
            {
                var document = await store.Documents.FindAsync(documentId.ToString("D"), cancellationToken);
                publishedOn[documentId] = document?.Published;
                texts[documentId] = (mask.Scrub(await store.Extractions.CleanTextAsync(documentId, cancellationToken) ?? document?.CleanText), mask.Name(document?.SourceName), mask.Scrub(document?.Title));
            }

            var (text, source, title) = item.DocumentId is { } d ? texts[d] : (null, null, null);
            var record = JsonSerializer.Deserialize<JsonElement>(mask.ScrubJson(JsonSerializer.Serialize(item.Record, item.Record.GetType(), MarsadJson.Options)));
            var plain = item.Record is ConflictEvent e ? PlainText.Of(e).ToDictionary(r => r.Field, r => mask.Scrub(r.Text) ?? r.Text) : null;
            var published = item.DocumentId is { } day ? publishedOn[day] : null;
            var warnings = ReviewWarnings.Default.For(item, published, text).Select(w => w with { Message = mask.Scrub(w.Message) ?? w.Message }).ToList();
            var namesAr = item.Record is ConflictEvent named ? ArabicNames.Of(named with { Evidence = item.Evidence }, text, PlainFields.Default.Places.NameOf) : null;
            // A part of a split (or the proposal split) offers the split's undo, to those Core/Access lets split it.
            var splitFrom = item.Record is ConflictEvent part && ReshapeRights.MaySplit(role, part) ? await undo.OriginAsync(item.Id, cancellationToken) : null;
            var placeLine = item.Record is ConflictEvent { Location: { } located } ? PlaceLine.Parts(located, namesAr).Select(n => mask.Scrub(n) ?? n).ToList() : null;
            entries.Add(new ReviewEntry(item.Kind, item.Id, item.Version, record, item.DocumentId, title, source, text, item.Evidence, plain, published, warnings, namesAr, splitFrom, placeLine));
        }

        return TypedResults.Ok<IReadOnlyList<ReviewEntry>>(entries);
    }

    // The body is read as review --batch reads a decision, so the ids in it (the record's, the events to merge, the
    // records to link) may be the short ids the pages show: one id parser for both hosts.
    private static async Task<Results<Ok<SavedVersion>, ProblemHttpResult>> DecideAsync(System.Text.Json.Nodes.JsonObject body, IMarsadStore store, ReviewRecords review, HttpContext http, CancellationToken cancellationToken) =>
        await SaveAsync(async () => await review.ApplyAsync(await ReadDecisionAsync(body, store, cancellationToken), new ChangeContext(UserRole.NameOf(http.User)), UserRole.Of(http.User), cancellationToken));

    private static async Task<Results<Ok<SavedVersion>, ProblemHttpResult>> MergeAsync(MergeRequest request, IMarsadStore store, HttpContext http, CancellationToken cancellationToken) =>
        await SaveAsync(async () => await new MergeProposals(store, new CorroborationOptions())
            .RunAsync(request.Target, request.Merged ?? [], request.Version, new ChangeContext(UserRole.NameOf(http.User), request.Reason), UserRole.Of(http.User), cancellationToken));

    private static async Task<Results<Ok<SavedVersion>, ProblemHttpResult>> StatusAsync(Guid id, StatusRequest request, SetEventStatus move, HttpContext http, CancellationToken cancellationToken) =>
        await SaveAsync(async () => await move.RunAsync(id, request.Status, request.Version, new ChangeContext(UserRole.NameOf(http.User), request.Reason), cancellationToken));

    private static async Task<Ok<IReadOnlyList<StatusOutcome>>> BulkStatusAsync(BulkStatusRequest request, IMarsadStore store, SetEventStatus move, HttpContext http, CancellationToken cancellationToken)
    {
        var context = new ChangeContext(UserRole.NameOf(http.User), request.Reason);
        var outcomes = new List<StatusOutcome>();
        foreach (var typed in request.Ids ?? [])
        {
            try
            {
                var id = await store.Ids.ResolveAsync(Core.Ids.IdKind.Event, typed, cancellationToken);
                outcomes.Add(new StatusOutcome(typed, await move.RunAsync(id, request.Status, null, context, cancellationToken), null));
            }
            catch (Exception ex) when (ex is ArgumentException or RecordNotFoundException or ConcurrencyConflictException)
            {
                outcomes.Add(new StatusOutcome(typed, null, ex.Message));
            }
        }

        return TypedResults.Ok<IReadOnlyList<StatusOutcome>>(outcomes);
    }

    private static async Task<ReviewDecision> ReadDecisionAsync(System.Text.Json.Nodes.JsonObject body, IMarsadStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await ReviewBatch.ReadOneAsync(body, store.Ids, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            throw new ArgumentException($"not a review decision: {ex.Message}", nameof(body), ex);
        }
    }

    /// <summary>Runs a write and maps what can go wrong to a status: 404 unknown record, 409 someone saved first, 400 a decision that makes no valid record.</summary>
    private static async Task<Results<Ok<SavedVersion>, ProblemHttpResult>> SaveAsync(Func<Task<long>> write)
    {
        try
        {
            return TypedResults.Ok(new SavedVersion(await write()));
        }
        catch (RecordNotFoundException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (ConcurrencyConflictException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
        catch (DecisionRefusedException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}

/// <summary>One proposal in the queue with the passage it was read from; evidence spans point into <see cref="Text"/>;
/// <see cref="SplitFrom"/> names the split it came out of while that split can still be undone from here;
/// <see cref="PlaceLine"/> is an event's place line as Core's rule prints it (the page does not apply the rule itself).</summary>
public sealed record ReviewEntry(string Kind, Guid Id, long Version, JsonElement Record, Guid? DocumentId, string? DocumentTitle, string? Source, string? Text, Evidence Evidence,
    IReadOnlyDictionary<string, string>? Plain = null, DateOnly? DocumentPublished = null, IReadOnlyList<ReviewWarning>? Warnings = null, ArabicNames? NamesAr = null,
    SplitOrigin? SplitFrom = null, IReadOnlyList<string>? PlaceLine = null);

/// <summary>The version a write produced; name it in the next write to the same record.</summary>
public sealed record SavedVersion(long Version);

/// <summary>Body of <c>POST /api/review/merge</c>.</summary>
public sealed record MergeRequest(Guid Target, IReadOnlyList<Guid>? Merged, long? Version = null, string? Reason = null);

/// <summary>Body of <c>POST /api/events/status</c>: ids as pages show them.</summary>
public sealed record BulkStatusRequest(IReadOnlyList<string>? Ids, EventStatus Status, string? Reason = null);

/// <summary>One event's outcome in a bulk move: its new version, or why it did not move.</summary>
public sealed record StatusOutcome(string Id, long? Version, string? Problem);

/// <summary>Body of <c>POST /api/events/{id}/status</c>.</summary>
public sealed record StatusRequest(EventStatus Status, long? Version = null, string? Reason = null);
