using Marsad.Core.Access;
using Marsad.Extraction;

namespace Marsad.Core.Sources;

/// <summary>
/// The register's names, for extraction to leave out of places: every source, confidential or not (the engine adds the
/// document's own source). A source named like a village would otherwise become an event's place, shown to the public.
/// Every use case that extracts from stored or ingested text (ingest, reextract, check) passes them.
/// </summary>
public static class SourceNamesNotPlaces
{
    /// <summary>Every name in the register, confidential ones included: read once per run, never shown to anyone.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(ISourceStore sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return [.. (await sources.ListAsync(Role.Admin, cancellationToken)).Select(s => s.Name)];
    }

    /// <summary><paramref name="input"/> with <paramref name="names"/> added to what it already holds as not places.</summary>
    public static DocumentInput With(DocumentInput input, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(names);
        return input with { NotPlaces = [.. input.NotPlaces ?? [], .. names] };
    }
}
