using System.Collections.Immutable;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Records;

namespace Marsad.Core.Registers;

/// <summary>
/// An editor's merge of two register records that are one: the kept record takes the other's names, links,
/// sources and history; the other is marked merged into it (kept, so the audit trail and its links stay). Both
/// saves are one transaction, each a revision; a record someone saved meanwhile fails the whole merge.
/// </summary>
public sealed class MergeRecords(IMarsadStore store)
{
    public Task MergePersonsAsync(Guid keep, Guid duplicate, ChangeContext context, CancellationToken cancellationToken = default) =>
        MergeAsync<Person>(keep, duplicate, context, p => p.MergedInto, (k, d) => (Merge(k, d), d with { MergedInto = k.Id }), cancellationToken);

    public Task MergeClaimsAsync(Guid keep, Guid duplicate, ChangeContext context, CancellationToken cancellationToken = default) =>
        MergeAsync<Claim>(keep, duplicate, context, c => c.MergedInto, (k, d) => (k with
        {
            DocumentIds = Union(k.DocumentIds, d.DocumentIds),
            EventIds = Union(k.EventIds, d.EventIds),
            Date = k.Date ?? d.Date,
            Place = k.Place ?? d.Place,
            VerdictReason = k.VerdictReason ?? d.VerdictReason,
        }, d with { MergedInto = k.Id }), cancellationToken);

    public Task MergeAllegationsAsync(Guid keep, Guid duplicate, ChangeContext context, CancellationToken cancellationToken = default) =>
        MergeAsync<Allegation>(keep, duplicate, context, a => a.MergedInto, (k, d) => (k with
        {
            DocumentIds = Union(k.DocumentIds, d.DocumentIds),
            EventIds = Union(k.EventIds, d.EventIds),
            Sources = Union(k.Sources, d.Sources),
            Date = k.Date ?? d.Date,
            Location = k.Location ?? d.Location,
            AllegedPerpetrator = k.AllegedPerpetrator ?? d.AllegedPerpetrator,
            Quantities = k.Quantities.Count > 0 ? k.Quantities : d.Quantities,
            History = [.. k.History.Concat(d.History.Where(s => !k.History.Contains(s))).OrderBy(s => s.Since)],
        }, d with { MergedInto = k.Id }), cancellationToken);

    /// <summary>The kept person with what the duplicate adds: its names as aliases, the facts the kept one lacks, both histories in date order.</summary>
    public static Person Merge(Person keep, Person duplicate)
    {
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentNullException.ThrowIfNull(duplicate);
        var aliases = keep.Aliases.Concat(duplicate.Aliases).Append(duplicate.Name)
            .Where(a => !string.Equals(a, keep.Name, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        // Undated steps keep their place before the dated ones; dated steps go in date order.
        var history = keep.History.Concat(duplicate.History.Where(s => !keep.History.Contains(s)))
            .OrderBy(s => s.When?.Start ?? DateOnly.MinValue).ToImmutableArray();
        var latest = history.LastOrDefault(s => s.When is not null);
        return keep with
        {
            Aliases = aliases,
            ArabicName = keep.ArabicName ?? duplicate.ArabicName,
            DateOfBirth = keep.DateOfBirth ?? duplicate.DateOfBirth,
            FamilyDetails = keep.FamilyDetails ?? duplicate.FamilyDetails,
            Contacts = keep.Contacts ?? duplicate.Contacts,
            HeldBy = keep.HeldBy ?? duplicate.HeldBy,
            Fate = keep.Fate ?? duplicate.Fate,
            LastSeen = Later(keep.LastSeen, duplicate.LastSeen) == keep.LastSeen ? keep.LastSeen : duplicate.LastSeen,
            LastSeenAt = Later(keep.LastSeen, duplicate.LastSeen) == keep.LastSeen ? keep.LastSeenAt ?? duplicate.LastSeenAt : duplicate.LastSeenAt ?? keep.LastSeenAt,
            History = history,
            Status = latest is not null && latest.When!.Start > (LatestDate(keep) ?? DateOnly.MinValue) ? latest.Status : keep.Status,
            // Sensitive if either was; only what the kept record's editor released stays released.
            Sensitive = keep.Sensitive || duplicate.Sensitive,
            DocumentIds = Union(keep.DocumentIds, duplicate.DocumentIds),
            EventIds = Union(keep.EventIds, duplicate.EventIds),
        };
    }

    private async Task MergeAsync<T>(Guid keep, Guid duplicate, ChangeContext context, Func<T, Guid?> mergedInto, Func<T, T, (T Kept, T Merged)> merge, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        if (keep == duplicate)
        {
            throw new ArgumentException("a record cannot be merged into itself");
        }

        var found = await store.Records.GetManyAsync<T>([keep, duplicate], cancellationToken);
        var kept = found.TryGetValue(keep, out var k) ? k : throw new RecordNotFoundException($"no {typeof(T).Name.ToLowerInvariant()} with id {keep}");
        var other = found.TryGetValue(duplicate, out var d) ? d : throw new RecordNotFoundException($"no {typeof(T).Name.ToLowerInvariant()} with id {duplicate}");
        foreach (var (id, record) in new[] { (keep, kept.Value), (duplicate, other.Value) })
        {
            if (mergedInto(record) is { } into)
            {
                throw new ArgumentException($"{id:D} was already merged into {into:D}; merge with that one");
            }
        }

        var (newKept, newMerged) = merge(kept.Value, other.Value);
        var reason = new ChangeContext(context.Author, context.Reason ?? $"merge: {duplicate:D} into {keep:D}");
        await store.Records.UpdateManyAsync<T>([(newKept, kept.Version, reason), (newMerged, other.Version, reason)], cancellationToken);
    }

    private static DateSpan? Later(DateSpan? x, DateSpan? y) => x is null ? y : y is null ? x : y.Start > x.Start ? y : x;

    private static DateOnly? LatestDate(Person p) => p.History.LastOrDefault(s => s.When is not null)?.When?.Start ?? p.LastSeen?.Start;

    private static ImmutableArray<TItem> Union<TItem>(ImmutableArray<TItem> a, ImmutableArray<TItem> b) => [.. a.Concat(b).Distinct()];
}
