using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Marsad.Core.Events;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Events;

namespace Marsad.Core.Exchange.Import;

/// <summary>What <c>marsad import acled|ucdp</c> is asked to do.</summary>
public sealed record DatasetImportOptions(EventStatus Status, bool Sync, string Author);

/// <summary>What an import did: rows read, events inserted, updated, unchanged and withdrawn, and the rows it could not take.</summary>
public sealed record ImportSummary(long Rows, int Inserted, int Updated, int Unchanged, int Withdrawn, IReadOnlyList<ImportError> Errors)
{
    public int Rejected => Errors.Select(e => e.Row).Distinct().Count();
}

/// <summary>
/// <c>marsad import acled|ucdp FILE</c>: each good row becomes (or updates) the event whose id is derived from the
/// row's own id, with every column the model does not hold as written kept in its origin; bad rows get a row-and-column
/// error and the rest are imported, all in one transaction (one batch of revisions). An event already stored is
/// updated only when the row changed (an older ACLED timestamp never replaces a newer) and keeps its review status,
/// grade and documents. With sync, the file is the dataset's whole export for the dates and countries it covers: an
/// earlier import's event inside that coverage that the file lacks is withdrawn (rejected, with the reason).
/// </summary>
/// <param name="store">Where the events go.</param>
/// <param name="geocoder">The gazetteer places are linked to, when given (see <see cref="PlaceLinker"/>).</param>
public sealed class ImportDataset(IMarsadStore store, Extraction.Geography.IGeocoder? geocoder = null)
{
    public async Task<ImportSummary> RunAsync(Stream input, IDatasetFormat format, DatasetImportOptions options, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ImportError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var coverage = new Coverage();
        long rows = 0;
        var file = new DatasetFile(input);
        var places = geocoder is null ? null : new PlaceLinker(geocoder);
        var context = new ChangeContext(options.Author, $"import {format.Dataset}");
        var sweep = options.Sync
            ? new RecordSweep<ConflictEvent>($"\"dataset\":\"{format.Dataset}\"", e => Withdraw(e, format, seen, coverage), new ChangeContext(options.Author, $"sync: not in the current {format.Dataset} export"))
            : null;
        var counts = await store.Records.UpsertManyAsync(Events(), Merge, sweep, context, cancellationToken);
        return new ImportSummary(file.RowsRead, counts.Inserted, counts.Updated, counts.Unchanged, counts.Swept, errors);

        async IAsyncEnumerable<ConflictEvent> Events([EnumeratorCancellation] CancellationToken token = default)
        {
            var rowOfId = new Dictionary<string, long>(StringComparer.Ordinal);
            await foreach (var row in file.RowsAsync(format, errors, cancellationToken))
            {
                if (++rows % 1000 == 0)
                {
                    progress?.Invoke(rows);
                }

                var id = format.RowId(row);
                if (id.Length > 0 && !rowOfId.TryAdd(id, row.Number))
                {
                    errors.Add(row.Error(null, $"id {id} is also row {rowOfId[id]}'s"));
                    continue;
                }

                seen.Add(id);
                if (format.Read(row, options.Status, errors) is { } read)
                {
                    coverage.Add(read, row["country"]);
                    yield return (places?.Link(read) ?? read) with { Origin = Origin(format, row, read) };
                }
            }

            progress?.Invoke(rows);
        }

        ConflictEvent? Merge(ConflictEvent incoming, ConflictEvent stored)
        {
            if (IsOlder(incoming.Origin?.Version, stored.Origin?.Version))
            {
                return null;
            }

            var next = incoming with
            {
                // Review work on the event stays; a row a sync withdrew comes back at the status asked for.
                Status = stored.Status == EventStatus.Rejected ? incoming.Status : stored.Status,
                Grade = stored.Grade, GradeReason = stored.GradeReason, GradeFixed = stored.GradeFixed,
                DocumentIds = stored.DocumentIds, MergedInto = stored.MergedInto, Tags = stored.Tags,
            };
            return next == stored ? null : next;
        }
    }

    /// <summary>The origin of a row's event: its id and version and the values an export would not give back from the model alone.</summary>
    internal static EventOrigin Origin(IDatasetFormat format, DatasetRow row, ConflictEvent read)
    {
        var item = new EventListItem(read, 1, []);
        var fields = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var columns = ColumnsByName.GetValue(format, f => f.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal));
        foreach (var (name, raw) in row.Values)
        {
            if (raw != (columns.GetValueOrDefault(name)?.Derive(item) ?? ""))
            {
                fields[name] = raw;
            }
        }

        return new EventOrigin { Dataset = format.Dataset, Id = format.RowId(row), Version = format.Version(row), Fields = fields.ToImmutable(), Checks = [.. format.Checks(row)] };
    }

    private static readonly ConditionalWeakTable<IDatasetFormat, Dictionary<string, ExchangeColumn>> ColumnsByName = [];

    private static bool IsOlder(string? incoming, string? stored) =>
        long.TryParse(incoming, out var a) && long.TryParse(stored, out var b) && a < b;

    private static ConflictEvent? Withdraw(ConflictEvent stored, IDatasetFormat format, HashSet<string> seen, Coverage coverage) =>
        stored.Origin is { } origin && origin.Dataset == format.Dataset && !seen.Contains(origin.Id) && stored.Status != EventStatus.Rejected
        && coverage.Covers(stored, format.Columns.FirstOrDefault(c => c.Name == "country")?.Value(new EventListItem(stored, 1, []), format.Dataset) ?? "")
            ? stored with { Status = EventStatus.Rejected }
            : null;

    /// <summary>The dates and countries a file covers (what a sync may withdraw within).</summary>
    private sealed class Coverage
    {
        private readonly HashSet<string> _countries = new(StringComparer.Ordinal);
        private DateOnly _from = DateOnly.MaxValue;
        private DateOnly _to = DateOnly.MinValue;

        public void Add(ConflictEvent e, string country)
        {
            _countries.Add(country.Trim());
            _from = e.Date.Start < _from ? e.Date.Start : _from;
            _to = e.Date.Start > _to ? e.Date.Start : _to;
        }

        public bool Covers(ConflictEvent e, string country) =>
            e.Date.Start >= _from && e.Date.Start <= _to && _countries.Contains(country.Trim());
    }
}
