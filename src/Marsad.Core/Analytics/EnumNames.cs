using System.Collections.Frozen;
using System.Text.Json;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;

namespace Marsad.Core.Analytics;

/// <summary>
/// Statuses and grades as the database stores them ("reviewed", "confirmed"), both ways, looked up
/// rather than serialised: a month on a large record converts thousands of them.
/// </summary>
internal static class EnumNames
{
    private static readonly FrozenDictionary<EventStatus, string> StatusNames = Enum.GetValues<EventStatus>().ToFrozenDictionary(s => s, Serialize);
    private static readonly FrozenDictionary<Grade, string> GradeNames = Enum.GetValues<Grade>().ToFrozenDictionary(g => g, Serialize);

    public static FrozenDictionary<string, EventStatus> Statuses { get; } = StatusNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static FrozenDictionary<string, Grade> Grades { get; } = GradeNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Of(EventStatus status) => StatusNames[status];

    public static string Of(Grade grade) => GradeNames[grade];

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, MarsadJson.Options).Trim('"');
}
