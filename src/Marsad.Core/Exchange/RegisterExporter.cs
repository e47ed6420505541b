using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Marsad.Core.Registers;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Records;

namespace Marsad.Core.Exchange;

/// <summary>
/// Writes register listings as JSON or CSV. It writes only what the register queries returned for the caller's
/// role, so withheld person fields are already gone before any format sees the records. Allegations carry
/// "months without investigation", computed for <c>today</c> from their history, never stored.
/// </summary>
public static class RegisterExporter
{
    public static void WriteJson<T>(TextWriter output, IReadOnlyList<RegisterItem<T>> items, DateOnly today) where T : class
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(JsonOf(item, today));
        }

        output.WriteLine(array.ToJsonString(MarsadJson.Indented));
    }

    /// <summary>One record as JSON: its fields, its version, sources, what was withheld, and for an allegation its computed months.</summary>
    public static JsonObject JsonOf<T>(RegisterItem<T> item, DateOnly today) where T : class
    {
        ArgumentNullException.ThrowIfNull(item);
        var node = JsonSerializer.SerializeToNode(item.Record, MarsadJson.Options)!.AsObject();
        node["version"] = item.Version;
        node["sources"] = new JsonArray([.. item.Sources.Select(s => (JsonNode?)JsonValue.Create(s))]);
        if (item.Record is Person)
        {
            node["withheld"] = new JsonArray([.. item.Withheld.Select(s => (JsonNode?)JsonValue.Create(s))]);
        }

        if (item.Record is Allegation allegation)
        {
            node["months_without_investigation"] = allegation.MonthsWithoutInvestigation(today);
        }

        return node;
    }

    public static void WriteCsv<T>(TextWriter output, IReadOnlyList<RegisterItem<T>> items, DateOnly today) where T : class
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);
        var columns = Columns<T>(today);
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, true);
        csv.WriteRecord([.. columns.Select(c => c.Name)]);
        foreach (var item in items)
        {
            csv.WriteRecord([.. columns.Select(c => c.Value(item.Record, item) ?? "")]);
        }
    }

    private static (string Name, Func<T, RegisterItem<T>, string?> Value)[] Columns<T>(DateOnly today) where T : class
    {
        object columns = typeof(T) == typeof(Person) ? PersonColumns<T>()
            : typeof(T) == typeof(Claim) ? ClaimColumns<T>()
            : typeof(T) == typeof(Allegation) ? AllegationColumns<T>(today)
            : throw new NotSupportedException($"{typeof(T).Name} is not a register");
        return ((string, Func<T, RegisterItem<T>, string?>)[])columns;
    }

    private static (string, Func<T, RegisterItem<T>, string?>)[] PersonColumns<T>() where T : class =>
    [
        ("id", (r, _) => P(r).Id.ToString("D")),
        ("name", (r, _) => P(r).Name),
        ("arabic_name", (r, _) => P(r).ArabicName),
        ("aliases", (r, _) => string.Join("; ", P(r).Aliases)),
        ("status", (r, _) => Name(P(r).Status)),
        ("group_low", (r, _) => Number(P(r).GroupSize?.Low)),
        ("group_best", (r, _) => Number(P(r).GroupSize?.Best)),
        ("group_high", (r, _) => Number(P(r).GroupSize?.High)),
        ("fate", (r, _) => P(r).Fate),
        ("held_by", (r, _) => P(r).HeldBy),
        ("last_seen_start", (r, _) => Iso(P(r).LastSeen?.Start)),
        ("last_seen_end", (r, _) => Iso(P(r).LastSeen?.End)),
        ("last_seen_place", (r, _) => P(r).LastSeenAt?.Name),
        ("last_seen_admin1", (r, _) => P(r).LastSeenAt?.Admin1),
        ("date_of_birth", (r, _) => Iso(P(r).DateOfBirth)),
        ("family_details", (r, _) => P(r).FamilyDetails),
        ("contacts", (r, _) => P(r).Contacts),
        ("history", (r, _) => string.Join("; ", P(r).History.Select(Step))),
        ("sensitive", (r, _) => P(r).Sensitive ? "true" : "false"),
        ("public_fields", (r, _) => string.Join("; ", P(r).PublicFields)),
        ("review_status", (r, _) => Name(P(r).ReviewStatus)),
        ("events", (r, _) => string.Join("; ", P(r).EventIds)),
        ("sources", (_, i) => string.Join("; ", i.Sources)),
        ("withheld", (_, i) => string.Join("; ", i.Withheld)),
    ];

    private static (string, Func<T, RegisterItem<T>, string?>)[] ClaimColumns<T>() where T : class =>
    [
        ("id", (r, _) => C(r).Id.ToString("D")),
        ("date", (r, _) => Iso(C(r).Date)),
        ("claimant", (r, _) => C(r).Claimant),
        ("statement", (r, _) => C(r).Statement),
        ("place", (r, _) => C(r).Place?.Name),
        ("verdict", (r, _) => Name(C(r).Verdict)),
        ("verdict_reason", (r, _) => C(r).VerdictReason),
        ("verdict_by", (r, _) => C(r).VerdictBy),
        ("verdict_on", (r, _) => Iso(C(r).VerdictOn)),
        ("review_status", (r, _) => Name(C(r).Status)),
        ("events", (r, _) => string.Join("; ", C(r).EventIds)),
        ("sources", (_, i) => string.Join("; ", i.Sources)),
    ];

    private static (string, Func<T, RegisterItem<T>, string?>)[] AllegationColumns<T>(DateOnly today) where T : class =>
    [
        ("id", (r, _) => A(r).Id.ToString("D")),
        ("kind", (r, _) => A(r).Kind),
        ("date_start", (r, _) => Iso(A(r).Date?.Start)),
        ("date_end", (r, _) => Iso(A(r).Date?.End)),
        ("place", (r, _) => A(r).Location?.Name),
        ("admin1", (r, _) => A(r).Location?.Admin1),
        ("alleged_perpetrator", (r, _) => A(r).AllegedPerpetrator),
        ("fatalities_low", (r, _) => Count(A(r), Quantities.Names.Fatalities, q => q.Low)),
        ("fatalities_best", (r, _) => Count(A(r), Quantities.Names.Fatalities, q => q.Best)),
        ("fatalities_high", (r, _) => Count(A(r), Quantities.Names.Fatalities, q => q.High)),
        ("injured_low", (r, _) => Count(A(r), Quantities.Names.Injured, q => q.Low)),
        ("injured_high", (r, _) => Count(A(r), Quantities.Names.Injured, q => q.High)),
        ("investigation_status", (r, _) => Name(A(r).Status)),
        ("history", (r, _) => string.Join("; ", A(r).History.Select(s => $"{Name(s.Status)} {Iso(s.Since)}"))),
        ("months_without_investigation", (r, _) => Number(A(r).MonthsWithoutInvestigation(today))),
        ("review_status", (r, _) => Name(A(r).ReviewStatus)),
        ("sources", (r, i) => string.Join("; ", i.Sources.Concat(A(r).Sources))),
        ("summary", (r, _) => A(r).Summary),
    ];

    /// <summary>"abducted 2013-07-29 Raqqa": a history step in one cell.</summary>
    public static string Step(PersonStatusStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return string.Join(' ', new[] { Name(step.Status), Iso(step.When?.Start), step.Place?.Name ?? step.Place?.Admin1 }.Where(s => !string.IsNullOrEmpty(s)));
    }

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonSerializer.Serialize(value, MarsadJson.Options).Trim('"').Replace('_', ' ');

    private static Person P<T>(T r) => (Person)(object)r!;

    private static Claim C<T>(T r) => (Claim)(object)r!;

    private static Allegation A<T>(T r) => (Allegation)(object)r!;

    private static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? Count(Allegation a, string name, Func<Quantity, int?> pick) => a.Quantities.TryGetValue(name, out var q) ? Number(pick(q)) : null;
}
