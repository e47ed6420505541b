using Marsad.Extraction.Geography;

namespace Marsad.Core.Gazetteer;

/// <summary>What an import added to the user gazetteer.</summary>
public sealed record GazetteerImportReport(int Read, int Added, int Replaced, int Total, string File);

/// <summary>
/// The team's own places, kept in one user file (<see cref="GazetteerLocator.UserPlacesFile"/>) in the
/// shipped places format, loaded alongside the shipped gazetteer. An import merges the file's drafts,
/// finds their admin areas by point-in-polygon and adds them, replacing earlier user places with the same id.
/// </summary>
public static class UserGazetteer
{
    public static GazetteerImportReport Import(IEnumerable<PlaceDraft> drafts, string userFile, AdminBoundaries boundaries)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var merger = new PlaceMerger();
        var read = 0;
        foreach (var draft in drafts)
        {
            merger.Add(draft);
            read++;
        }

        var incoming = merger.Entries(boundaries).Select(e => e with { Sources = "user", Prominence = e.Prominence + UserBonus }).ToList();
        var existing = File.Exists(userFile) ? GazetteerFiles.ReadPlaces(userFile) : [];
        var incomingIds = incoming.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var kept = existing.Where(e => !incomingIds.Contains(e.Id)).ToList();
        var all = kept.Concat(incoming).ToList();

        var folder = Path.GetDirectoryName(Path.GetFullPath(userFile));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        GazetteerFiles.WritePlaces(userFile, all);
        return new GazetteerImportReport(read, incoming.Count - (existing.Count - kept.Count), existing.Count - kept.Count, all.Count, userFile);
    }

    // A team adds a place because it wants it found: it outranks a shipped homonym of equal match.
    private const double UserBonus = 1.0;
}
