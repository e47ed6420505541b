using Marsad.Core.Events;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Storage.Json;

namespace Marsad.Core.Exchange;

/// <summary>Marsad's own export columns (CSV, HXL, GeoJSON properties), each with its HXL hashtag and whether it is a number.</summary>
public static class MarsadColumns
{
    public sealed record Column(string Name, string Hxl, bool IsNumber, Func<EventListItem, string?> Value);

    public static IReadOnlyList<Column> All { get; } =
    [
        new("id", "#event+id", false, i => i.Event.Id.ToString("D")),
        new("event_type", "#event+type", false, i => i.Event.EventType.Label),
        new("sub_event_type", "#event+type+sub", false, i => i.Event.SubEventType.Label),
        new("date_start", "#date+start", false, i => ExchangeText.Start(i.Event)),
        new("date_end", "#date+end", false, i => ExchangeText.End(i.Event)),
        new("time_precision", "#date+precision", true, i => ExchangeText.Precision(i.Event)),
        new("actor1", "#org+name+actor1", false, i => i.Event.Actor1),
        new("assoc_actor_1", "#org+name+actor1+assoc", false, i => ExchangeText.Join(i.Event.AssocActor1)),
        new("actor2", "#org+name+actor2", false, i => i.Event.Actor2),
        new("assoc_actor_2", "#org+name+actor2+assoc", false, i => ExchangeText.Join(i.Event.AssocActor2)),
        new("location", "#loc+name", false, i => i.Event.Location?.Name),
        new("admin1", "#adm1+name", false, i => i.Event.Location?.Admin1),
        new("admin2", "#adm2+name", false, i => i.Event.Location?.Admin2),
        new("admin3", "#adm3+name", false, i => i.Event.Location?.Admin3),
        new("latitude", "#geo+lat", true, i => ExchangeText.Number(i.Event.Location?.Point?.Latitude)),
        new("longitude", "#geo+lon", true, i => ExchangeText.Number(i.Event.Location?.Point?.Longitude)),
        new("geo_precision", "#geo+precision", true, i => i.Event.Location?.Precision is { } p ? ExchangeText.Integer((int)p) : null),
        new("fatalities_low", "#affected+killed+min", true, i => ExchangeText.Count(i.Event, q => q.Low)),
        new("fatalities_best", "#affected+killed", true, i => ExchangeText.Count(i.Event, q => q.Best)),
        new("fatalities_high", "#affected+killed+max", true, i => ExchangeText.Count(i.Event, q => q.High)),
        new("tags", "#event+tags", false, i => ExchangeText.Join(i.Event.Tags)),
        new("status", "#status", false, i => JsonName(i.Event.Status)),
        new("grade", "#status+grade", false, i => i.Event.Grade is { } g ? JsonName(g) : null),
        new("sources", "#meta+source", false, i => ExchangeText.Join(i.Sources)),
        new("summary", "#description", false, i => i.Event.Summary),
        new("source_dataset", "#meta+dataset", false, i => i.Event.Origin?.Dataset),
        new("source_id", "#meta+id", false, i => i.Event.Origin?.Id),
    ];

    private static string JsonName<T>(T value) where T : struct, Enum => JsonNames<T>.Of[value];

    /// <summary>Each value's name as the stored JSON writes it, made once (not serialised again for every row of an export).</summary>
    private static class JsonNames<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Of = Enum.GetValues<T>().ToDictionary(v => v, v => System.Text.Json.JsonSerializer.Serialize(v, MarsadJson.Options).Trim('"'));
    }
}
