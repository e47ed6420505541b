using System.Globalization;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Exchange;
using Marsad.Core.Storage;
using Marsad.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marsad.Web.Api;

/// <summary>
/// <c>/api/events</c>: the listing with filters and cursor pages (JSON or GeoJSON), streamed CSV exports,
/// incremental sync (<c>updated_since</c>) with its deletions feed, and one event with its sources and
/// evidence. Every read goes through the Core query layer with the caller's role.
/// </summary>
internal static class EventsApi
{
    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("events");
        events.MapGet("/", ListAsync).WithSummary($"Events: filters from, to, type, sub_type, actor, admin1, admin2, bbox, near, grade, status, text, updated_since; cursor, limit; format {string.Join('|', EventExportFormats.Names)}")
            .AddOpenApiOperationTransformer(EventsOpenApi.DescribeListAsync);
        events.MapGet("/deletions", DeletionsAsync).WithMetadata(new QueryParameters(new QueryParameter("after", "the seq of the last item already read (0 to start)"), new QueryParameter("since", "ISO 8601 date and time (optional)")))
            .WithSummary("Events to drop after a position (after = the last item's seq; since = a time, optional): merged into another, rejected, or (for the public) withdrawn");
        events.MapGet("/{id}", GetAsync).WithSummary("One event with its sources, documents and evidence; the id may be the short id pages show, or any unique prefix of 6+");
        return api;
    }

    private static async Task<Results<EventPageBody, ValidationProblem, StreamedExport>> ListAsync(HttpContext http, IMarsadStore store, EventPageCache cache, CancellationToken cancellationToken)
    {
        var (query, errors) = EventFilters.Read(http.Request.Query);
        var format = EventFilters.Text(http.Request.Query, "format") ?? "json";
        if (EventExportFormats.Parse(format) is null)
        {
            errors["format"] = [$"expected {string.Join(", ", EventExportFormats.Names)}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var role = UserRole.Of(http.User);
        if (format is not ("json" or "geojson"))
        {
            // Whole exports stream every matching event; json and geojson are the paged listing below.
            var urls = (await store.Sources.ListAsync(role, cancellationToken)).ToDictionary(s => s.Name, s => s.Url);
            return new StreamedExport(store.Events.StreamJsonAsync(query, role, cancellationToken), EventExportFormats.Parse(format)!.Value, urls);
        }

        // Pages are cached by role, query and the version of what the role sees (the audit chain's head and the
        // confidential names; for the public, the last revision that could reach published events): any change the
        // role could see moves the version on, so a cached page is never stale.
        var key = $"{role}|{await store.Events.DataVersionAsync(role, cancellationToken)}|{http.Request.QueryString}";
        return await cache.GetOrAddAsync(key, () => RenderAsync(store, query, role, format, cancellationToken));
    }

    private static async Task<EventPageBody> RenderAsync(IMarsadStore store, EventQuery query, Role role, string format, CancellationToken cancellationToken)
    {
        // One more than asked says whether another page follows without a second query.
        var asked = query with { Limit = query.Limit + 1 };
        if (format == "geojson")
        {
            var items = await store.Events.ListAsync(asked, role, cancellationToken);
            var page = items.Take(query.Limit).ToList();
            return EventPageBody.GeoJson(page, items.Count > query.Limit ? EventCursor.Of(page[^1].Event).Encode() : null);
        }

        var rows = await store.Events.ListJsonAsync(asked, role, cancellationToken);
        var shown = rows.Take(query.Limit).ToList();
        return EventPageBody.Json(shown, rows.Count > query.Limit ? new EventCursor(shown[^1].Start, shown[^1].Id).Encode() : null);
    }

    private static async Task<Results<Ok<DeletionFeed>, ValidationProblem>> DeletionsAsync(HttpContext http, IMarsadStore store, CancellationToken cancellationToken)
    {
        DateTimeOffset? since = null;
        if (EventFilters.Text(http.Request.Query, "since") is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["since"] = ["expected an ISO 8601 date and time"] });
            }

            since = at;
        }

        long after = 0;
        if (EventFilters.Text(http.Request.Query, "after") is { } position && !long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = ["expected the seq of the last item received"] });
        }

        return TypedResults.Ok(new DeletionFeed(await store.Events.DeletionsAsync(after, since, UserRole.Of(http.User), EventFilters.MaxLimit, cancellationToken)));
    }

    private static async Task<Results<Ok<EventDetail>, NotFound, ProblemHttpResult>> GetAsync(string id, HttpContext http, IMarsadStore store, CancellationToken cancellationToken)
    {
        var role = UserRole.Of(http.User);
        var (found, ambiguous) = await WebIds.ResolveAsync(store, Core.Ids.IdKind.Event, id, role, cancellationToken);
        if (found is not { } eventId)
        {
            return ambiguous is null ? TypedResults.NotFound() : TypedResults.Problem(ambiguous, statusCode: StatusCodes.Status400BadRequest);
        }

        var detail = await EventDetail.ReadAsync(store, eventId, role, cancellationToken);
        return detail is null ? TypedResults.NotFound() : TypedResults.Ok(detail);
    }
}
