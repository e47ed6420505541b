using System.Globalization;
using Marsad.Core.Events;
using Marsad.Core.Events.Filters;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;

namespace Marsad.Web.Api;

/// <summary>The query string of <c>GET /api/events</c>, read into an <see cref="EventQuery"/>; each bad value is named in the errors.</summary>
internal static class EventFilters
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static (EventQuery Query, Dictionary<string, string[]> Errors) Read(IQueryCollection q)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = new EventQuery
        {
            From = Date(q, "from", errors)?.Start,
            To = Date(q, "to", errors)?.End,
            EventType = Text(q, "type"),
            SubEventType = Text(q, "sub_type"),
            Actor = Text(q, "actor"),
            Admin1 = Text(q, "admin1"),
            Admin2 = Text(q, "admin2"),
            Text = Text(q, "text"),
            Status = Enum<EventStatus>(q, "status", errors),
            Grade = Enum<Grade>(q, "grade", errors),
            Limit = DefaultLimit,
        };
        if (Text(q, "bbox") is { } bbox)
        {
            query = query with { Within = BoundingBox.TryParse(bbox) ?? Error<BoundingBox>(errors, "bbox", "west,south,east,north in degrees") };
        }

        if (Text(q, "near") is { } near)
        {
            query = query with { Near = GeoCircle.TryParse(near) ?? Error<GeoCircle>(errors, "near", "latitude,longitude,kilometres (a point in degrees and a radius above 0)") };
        }

        if (Text(q, "updated_since") is { } since)
        {
            query = query with
            {
                UpdatedSince = DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : Error<DateTimeOffset?>(errors, "updated_since", "an ISO 8601 date and time"),
            };
        }

        if (Text(q, "cursor") is { } cursor)
        {
            query = query with { After = EventCursor.TryDecode(cursor) ?? Error<EventCursor>(errors, "cursor", "the next_cursor of a previous page") };
        }

        if (Text(q, "limit") is { } limit)
        {
            query = query with
            {
                Limit = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxLimit ? n : Error<int>(errors, "limit", $"a whole number from 1 to {MaxLimit}"),
            };
        }

        try
        {
            query = ForgivingFilters.Default.Canonical(query);
        }
        catch (UnknownFilterValueException ex)
        {
            errors["filters"] = [ex.MessageWithoutValue];
        }

        return (query, errors);
    }

    public static string? Text(IQueryCollection q, string name) => q[name].ToString() is { Length: > 0 } s ? s.Trim() : null;

    // A date as people type it (Core's PlainDate: 2023-07-21, July 2023, 21 July 2023, Arabic digits): "from" takes
    // the first day it names, "to" the last, so from=July 2023 to=July 2023 is the whole month.
    private static Domain.Common.DateSpan? Date(IQueryCollection q, string name, Dictionary<string, string[]> errors)
    {
        if (Text(q, name) is not { } s)
        {
            return null;
        }

        try
        {
            return Core.Review.PlainValues.PlainDate.Parse(s);
        }
        catch (Core.Review.PlainValues.PlainValueException)
        {
            // The message names the forms, never the value: an answer that repeats what was asked would look, to a
            // search for a withheld name, like a record holding it.
            return Error<Domain.Common.DateSpan?>(errors, name, "not a date: type 2023-07-21, 21 July 2023, July 2023 or 21–23 July 2023");
        }
    }

    private static T? Enum<T>(IQueryCollection q, string name, Dictionary<string, string[]> errors) where T : struct, System.Enum
    {
        if (Text(q, name) is not { } s)
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<T>("\"" + s.Replace("\"", "", StringComparison.Ordinal) + "\"", MarsadJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
            return Error<T?>(errors, name, string.Join(", ", System.Enum.GetValues<T>().Select(v => System.Text.Json.JsonSerializer.Serialize(v, MarsadJson.Options).Trim('"'))));
        }
    }

    private static T? Error<T>(Dictionary<string, string[]> errors, string name, string expected)
    {
        errors[name] = [$"expected {expected}"];
        return default;
    }
}
