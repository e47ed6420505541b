using Marsad.Core.Analytics;

namespace Marsad.Core.Reports;

/// <summary>
/// A monthly report as data, before any format: every figure and line names the events (E1, E2, …)
/// or records it counts, so each renderer can link it (HTML, Markdown) or list it (PDF appendix).
/// </summary>
public sealed record MonthlyReport(
    string Title,
    string Subtitle,
    ReportMonth Month,
    string? Actor,
    string? Admin1,
    DateOnly ReferenceDate,
    bool IncludesUnreviewed,
    IReadOnlyList<ReportFigure> Headline,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ReportEventRow> Events,
    IReadOnlyList<ReportCheck> Checks,
    ReportChartData Chart,
    IReadOnlyList<ReportMapPoint> MapPoints,
    IReadOnlyList<string> Notes);

/// <summary>A headline figure: what it counts, its value (ranges kept), and the events behind it.</summary>
public sealed record ReportFigure(string Label, string Value, IReadOnlyList<string> Refs);

/// <summary>A themed section; an empty one says so rather than disappearing.</summary>
public sealed record ReportSection(string Title, IReadOnlyList<ReportLine> Lines);

/// <summary>One statement in a section, with the events (labels) or records (kind and short id) behind it.</summary>
public sealed record ReportLine(string Text, IReadOnlyList<string> Refs);

/// <summary>A row of the events table; <see cref="Label"/> is what figures refer to.</summary>
public sealed record ReportEventRow(string Label, Guid Id, string Dates, string Type, string Actors, string Place, string Figures, string Status, string Sources);

/// <summary>A consistency check: passed or not, and why; a failed one is a figure the record cannot reconcile.</summary>
public sealed record ReportCheck(bool Passed, string Kind, string Message, string Where, IReadOnlyList<string> Refs);

/// <summary>Incidents per ISO week (named by its Monday) and event type; incidents with no day of their own are counted apart.</summary>
public sealed record ReportChartData(IReadOnlyList<DateOnly> Weeks, IReadOnlyList<string> Types, IReadOnlyDictionary<(DateOnly Week, string Type), int> Counts, IReadOnlyDictionary<string, int> Undated);

/// <summary>A point on the map: an event's place (or one of an aggregate's places), its label and type.</summary>
public sealed record ReportMapPoint(string Label, double Latitude, double Longitude, string EventType, string Place);
