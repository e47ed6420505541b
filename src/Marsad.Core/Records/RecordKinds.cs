using System.Globalization;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Records;

/// <summary>The four kinds of reviewed record: events, claims, persons and allegations.</summary>
internal static class RecordKinds
{
    public static RecordKind Events { get; } = new(
        typeof(ConflictEvent), "event", "events",
        r => ((ConflictEvent)r).Id,
        r => Name(((ConflictEvent)r).Status),
        r => ((ConflictEvent)r).DocumentIds,
        r => EventColumns((ConflictEvent)r))
    {
        StandingCondition = " AND merged_into IS NULL",
        ColumnFields = new HashSet<string>(StringComparer.Ordinal) { "status", "sub_event_type", "event_type", "date", "actor1", "actor2", "location", "quantities", "merged_into", "grade" },
        PatchableColumns = new Dictionary<string, (string, Func<object?, object?>)>(StringComparer.Ordinal)
        {
            ["merged_into"] = ("merged_into", v => ((Guid?)v)?.ToString("D")),
            ["grade"] = ("grade", v => v is Grade g ? System.Text.Json.JsonSerializer.Serialize(g, MarsadJson.Options).Trim('"') : null),
        },
    };

    public static RecordKind Claims { get; } = new(
        typeof(Claim), "claim", "claims",
        r => ((Claim)r).Id, r => Name(((Claim)r).Status), r => ((Claim)r).DocumentIds, r => ClaimColumns((Claim)r))
    {
        ColumnFields = new HashSet<string>(StringComparer.Ordinal) { "status", "verdict", "date", "merged_into" },
    };

    public static RecordKind Persons { get; } = new(
        typeof(Person), "person", "persons",
        r => ((Person)r).Id, r => Name(((Person)r).ReviewStatus), r => ((Person)r).DocumentIds, r => PersonColumns((Person)r))
    {
        ColumnFields = new HashSet<string>(StringComparer.Ordinal) { "review_status", "name", "status", "merged_into" },
    };

    public static RecordKind Allegations { get; } = new(
        typeof(Allegation), "allegation", "allegations",
        r => ((Allegation)r).Id, r => Name(((Allegation)r).ReviewStatus), r => ((Allegation)r).DocumentIds, r => AllegationColumns((Allegation)r))
    {
        ColumnFields = new HashSet<string>(StringComparer.Ordinal) { "review_status", "status", "alleged_on", "merged_into" },
    };

    public static IReadOnlyList<RecordKind> All { get; } = [Events, Claims, Persons, Allegations];

    public static RecordKind For(Type type) =>
        All.FirstOrDefault(k => k.ClrType == type) ?? throw new NotSupportedException($"{type.Name} is not a kind of record Marsad stores");

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => EnumNames<TEnum>.Of(value);

    /// <summary>Each value's JSON name, found once: the status column is written for every record an import inserts.</summary>
    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<TEnum, string> Names = new();

        public static string Of(TEnum value) => Names.GetOrAdd(value, v => System.Text.Json.JsonSerializer.Serialize(v, MarsadJson.Options).Trim('"'));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IReadOnlyList<KeyValuePair<string, object?>> PersonColumns(Person p) =>
        [new("name", p.Name), new("person_status", Name(p.Status)), new("merged_into", p.MergedInto?.ToString("D"))];

    private static IReadOnlyList<KeyValuePair<string, object?>> ClaimColumns(Claim c) =>
        [new("verdict", Name(c.Verdict)), new("claim_date", c.Date is { } d ? Iso(d) : null), new("merged_into", c.MergedInto?.ToString("D"))];

    private static IReadOnlyList<KeyValuePair<string, object?>> AllegationColumns(Allegation a) =>
        [new("investigation_status", Name(a.Status)), new("alleged_on", Iso(a.AllegedOn)), new("merged_into", a.MergedInto?.ToString("D"))];

    private static IReadOnlyList<KeyValuePair<string, object?>> EventColumns(ConflictEvent e) =>
    [
        new("event_type", e.EventType.Label),
        new("sub_event_type", e.SubEventType.Label),
        // An undated event keeps no day in its columns ('' is "no date", see migration 0011), so no range, month or sort
        // ever takes the domain's 0001-01-01 mark for a day.
        new("date_start", e.Date.IsUnresolved ? "" : Iso(e.Date.Start)),
        new("date_end", e.Date.IsUnresolved ? "" : Iso(e.Date.End)),
        new("actor1", e.Actor1),
        new("actor2", e.Actor2),
        new("admin1", e.Location?.Admin1),
        new("admin2", e.Location?.Admin2),
        new("admin3", e.Location?.Admin3),
        new("fatalities", e.Quantities.TryGetValue(Domain.Common.Quantities.Names.Fatalities, out var deaths) ? deaths.Best ?? deaths.Low : null),
        new("merged_into", e.MergedInto?.ToString("D")),
        new("latitude", e.Location?.Point?.Latitude),
        new("longitude", e.Location?.Point?.Longitude),
        new("grade", e.Grade is { } g ? Name(g) : null),
    ];
}
