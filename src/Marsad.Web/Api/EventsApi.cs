using System.Globalization;
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
        events.MapGet("/", ListAsync).WithSummary("Events: filters from, to, type, sub_type, actor, admin1, admin2, bbox, grade, status, text, updated_since; cursor, limit; format json|geojson|csv|acled");
        events.MapGet("/deletions", DeletionsAsync).WithSummary("Events to drop since a time: merged into another, rejected, or (for the public) withdrawn");
        events.MapGet("/{id:guid}", GetAsync).WithSummary("One event with its sources, documents and evidence");
        return api;
    }

    private static async Task<Results<Ok<EventPage>, ValidationProblem, GeoJsonPage, CsvExport>> ListAsync(HttpContext http, IMarsadStore store, CancellationToken cancellationToken)
    {
        var (query, errors) = EventFilters.Read(http.Request.Query);
        var format = EventFilters.Text(http.Request.Query, "format") ?? "json";
        if (format is not ("json" or "geojson" or "csv" or "acled"))
        {
            errors["format"] = ["expected json, geojson, csv or acled"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var role = UserRole.Of(http.User);
        if (format is "csv" or "acled")
        {
            return new CsvExport(store.Events.StreamAsync(query, role, cancellationToken), format == "csv" ? EventExportFormat.Csv : EventExportFormat.Acled);
        }

        // One more than asked says whether another page follows without a second query.
        var items = await store.Events.ListAsync(query with { Limit = query.Limit + 1 }, role, cancellationToken);
        var page = items.Take(query.Limit).ToList();
        var next = items.Count > query.Limit ? EventCursor.Of(page[^1].Event).Encode() : null;
        return format == "geojson" ? new GeoJsonPage(page, next) : TypedResults.Ok(new EventPage(page, next));
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

        return TypedResults.Ok(new DeletionFeed(await store.Events.DeletionsAsync(since, UserRole.Of(http.User), EventFilters.MaxLimit, cancellationToken)));
    }

    private static async Task<Results<Ok<EventDetail>, NotFound>> GetAsync(Guid id, HttpContext http, IMarsadStore store, CancellationToken cancellationToken)
    {
        var detail = await EventDetail.ReadAsync(store, id, UserRole.Of(http.User), cancellationToken);
        return detail is null ? TypedResults.NotFound() : TypedResults.Ok(detail);
    }
}
