using Marsad.Core.Storage;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Registers.Persons;

/// <summary>
/// The merge proposals for an editor: every individual in the register (not groups, not rejected or merged-away
/// records) compared by <see cref="PersonDuplicateFinder"/> on all their names, date of birth and governorate.
/// </summary>
public sealed class FindPersonDuplicates(IMarsadStore store)
{
    public async Task<IReadOnlyList<MergeProposal>> RunAsync(double threshold = PersonDuplicateFinder.DefaultThreshold, CancellationToken cancellationToken = default)
    {
        var persons = await store.Records.ListAsync<Person>(int.MaxValue, cancellationToken);
        var names = persons
            .Select(p => p.Value)
            .Where(p => p.GroupSize is null && p.MergedInto is null && p.ReviewStatus != EventStatus.Rejected)
            .Select(p => new PersonNames(p.Id, [p.Name, .. p.Aliases, .. p.ArabicName is null ? Array.Empty<string>() : [p.ArabicName]], p.DateOfBirth, p.LastSeenAt?.Admin1))
            .ToList();
        return new PersonDuplicateFinder(threshold).Find(names);
    }
}
