using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Core.Sources;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;
using Marsad.Extraction;

namespace Marsad.Core.Extract;

/// <summary>
/// <c>marsad reextract</c>: after an engine upgrade, reads documents again. A new finding that matches a
/// candidate nobody has reviewed refreshes it (a revision); one that matches a reviewed record never
/// changes it — what the engine would change is stored as a proposal for a coder; a finding that matches
/// nothing becomes a new candidate. Running it twice does nothing the second time.
/// </summary>
public sealed class ReextractDocuments(IMarsadStore store, ExtractionEngine engine, string engineVersion)
{
    /// <summary>Fields the engine never owns: identity, review state, corroboration and grading.</summary>
    private static readonly HashSet<string> PeopleOwned = new(StringComparer.Ordinal)
    {
        "id", "status", "review_status", "document_ids", "event_ids", "merged_into", "grade", "grade_reason", "grade_fixed", "sensitive",
    };

    public async Task<ReextractOutcome> RunAsync(ChangeContext context, Guid? onlyDocument = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var documents = onlyDocument is { } one
            ? (await store.Extractions.ExistsAsync(one, engineVersion, cancellationToken) ? [] : [one])
            : await store.Extractions.OutdatedAsync(engineVersion, cancellationToken);
        var why = new ChangeContext(context.Author, context.Reason ?? $"re-extracted by engine {engineVersion}");
        var counts = new Counts();
        foreach (var documentId in documents)
        {
            await ReadAsync(documentId, why, counts, cancellationToken);
        }

        return new ReextractOutcome(documents.Count, counts.Added, counts.Refreshed, counts.Proposed);
    }

    /// <summary>
    /// Reads one document again even when this engine has read it (its publication date was set since, say): candidates
    /// nobody reviewed are refreshed, reviewed records get proposals, as for an engine upgrade.
    /// </summary>
    public async Task<ReextractOutcome> RereadAsync(Guid documentId, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var counts = new Counts();
        var read = await ReadAsync(documentId, context, counts, cancellationToken);
        return new ReextractOutcome(read ? 1 : 0, counts.Added, counts.Refreshed, counts.Proposed);
    }

    private sealed class Counts
    {
        public int Added { get; set; }

        public int Refreshed { get; set; }

        public int Proposed { get; set; }
    }

    private async Task<bool> ReadAsync(Guid documentId, ChangeContext why, Counts counts, CancellationToken cancellationToken)
    {
        var document = await store.Documents.FindAsync(documentId.ToString("D"), cancellationToken);
        if (document is null)
        {
            return false;
        }

        var notPlaces = await SourceNamesNotPlaces.ReadAsync(store.Sources, cancellationToken);
        var result = engine.Extract(new DocumentInput(document.CleanText, document.Published, document.SourceName, document.Title, documentId.ToString("D"), notPlaces));
        var existing = await LoadExistingAsync(documentId, cancellationToken);
        object[] findings =
        [
            .. result.Events.Select(e => e with { DocumentIds = [documentId] }),
            .. result.Claims.Select(c => c with { DocumentIds = [documentId] }),
            .. result.Persons.Select(p => p with { DocumentIds = [documentId] }),
            .. result.Allegations.Select(a => a with { DocumentIds = [documentId] }),
        ];
        foreach (var finding in findings)
        {
            var match = existing.FirstOrDefault(x => Matches(x.Record, finding));
            if (match.Record is null)
            {
                await AddAsync(finding, why, cancellationToken);
                counts.Added++;
                continue;
            }

            existing.Remove(match);
            var merged = Adopt(finding, match.Record);
            if (IsUnreviewed(match.Record))
            {
                var before = JsonSerializer.Serialize(match.Record, match.Record.GetType(), MarsadJson.Options);
                if (before != JsonSerializer.Serialize(merged, merged.GetType(), MarsadJson.Options))
                {
                    await UpdateAsync(merged, match.Version, why, cancellationToken);
                    counts.Refreshed++;
                }
            }
            else if (EngineChanges(match.Record, merged) is { } changes)
            {
                await store.Extractions.ProposeAsync(documentId, engineVersion, Kind(match.Record), Id(match.Record), changes, cancellationToken);
                counts.Proposed++;
            }
        }

        await store.Extractions.MarkExtractedAsync(documentId, engineVersion, result, cancellationToken);
        return true;
    }

    private async Task<List<(object Record, long Version)>> LoadExistingAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var list = new List<(object, long)>();
        foreach (var (kind, id) in await store.Records.OfDocumentAsync(documentId, cancellationToken))
        {
            (object, long)? item = kind switch
            {
                "event" => await store.Records.GetAsync<ConflictEvent>(id, cancellationToken) is { } e ? (e.Value, e.Version) : null,
                "claim" => await store.Records.GetAsync<Claim>(id, cancellationToken) is { } c ? (c.Value, c.Version) : null,
                "person" => await store.Records.GetAsync<Person>(id, cancellationToken) is { } p ? (p.Value, p.Version) : null,
                "allegation" => await store.Records.GetAsync<Allegation>(id, cancellationToken) is { } a ? (a.Value, a.Version) : null,
                _ => null,
            };
            if (item is { } found)
            {
                list.Add(found);
            }
        }

        return list;
    }

    /// <summary>The same finding: the same deterministic id, or the same kind read from overlapping text.</summary>
    private static bool Matches(object stored, object finding)
    {
        if (stored.GetType() != finding.GetType())
        {
            return false;
        }

        if (Id(stored) == Id(finding))
        {
            return true;
        }

        var a = MainSpan(stored);
        var b = MainSpan(finding);
        var sameKind = stored is not ConflictEvent se || finding is not ConflictEvent fe || se.SubEventType.EventType == fe.SubEventType.EventType;
        return sameKind && a is not null && b is not null && a.Start < b.End && b.Start < a.End;
    }

    /// <summary>The finding with the stored record's identity and everything people own about it.</summary>
    private static object Adopt(object finding, object stored)
    {
        var node = JsonSerializer.SerializeToNode(finding, finding.GetType(), MarsadJson.Options)!.AsObject();
        var keep = JsonSerializer.SerializeToNode(stored, stored.GetType(), MarsadJson.Options)!.AsObject();
        foreach (var field in PeopleOwned)
        {
            node[field] = keep[field]?.DeepClone();
        }

        return node.Deserialize(finding.GetType(), MarsadJson.Options)!;
    }

    private static string? EngineChanges(object stored, object proposed)
    {
        var before = JsonSerializer.SerializeToNode(stored, stored.GetType(), MarsadJson.Options)!.AsObject();
        var after = JsonSerializer.SerializeToNode(proposed, proposed.GetType(), MarsadJson.Options)!.AsObject();
        var changes = new JsonObject();
        foreach (var (field, value) in after)
        {
            if (!PeopleOwned.Contains(field) && field != "evidence" && field != "confidence" && !JsonNode.DeepEquals(before[field], value))
            {
                changes[field] = new JsonObject { ["current"] = before[field]?.DeepClone(), ["proposed"] = value?.DeepClone() };
            }
        }

        return changes.Count == 0 ? null : changes.ToJsonString();
    }

    private Task AddAsync(object finding, ChangeContext context, CancellationToken cancellationToken) => finding switch
    {
        ConflictEvent e => store.Records.AddAsync(e, context, cancellationToken),
        Claim c => store.Records.AddAsync(c, context, cancellationToken),
        Person p => store.Records.AddAsync(p, context, cancellationToken),
        Allegation a => store.Records.AddAsync(a, context, cancellationToken),
        _ => Task.CompletedTask,
    };

    private Task UpdateAsync(object record, long version, ChangeContext context, CancellationToken cancellationToken) => record switch
    {
        ConflictEvent e => store.Records.UpdateAsync(e, version, context, cancellationToken),
        Claim c => store.Records.UpdateAsync(c, version, context, cancellationToken),
        Person p => store.Records.UpdateAsync(p, version, context, cancellationToken),
        Allegation a => store.Records.UpdateAsync(a, version, context, cancellationToken),
        _ => Task.CompletedTask,
    };

    private static bool IsUnreviewed(object record) => record switch
    {
        ConflictEvent e => e.Status == EventStatus.Extracted && e.MergedInto is null,
        Claim c => c.Status == EventStatus.Extracted,
        Person p => p.ReviewStatus == EventStatus.Extracted,
        Allegation a => a.ReviewStatus == EventStatus.Extracted,
        _ => false,
    };

    private static TextSpan? MainSpan(object record)
    {
        var evidence = record switch
        {
            ConflictEvent e => e.Evidence,
            Claim c => c.Evidence,
            Person p => p.Evidence,
            Allegation a => a.Evidence,
            _ => Evidence.None,
        };
        return evidence.Spans.Values.OrderBy(s => s.Start).FirstOrDefault();
    }

    private static Guid Id(object record) => record switch
    {
        ConflictEvent e => e.Id,
        Claim c => c.Id,
        Person p => p.Id,
        Allegation a => a.Id,
        _ => Guid.Empty,
    };

    private static string Kind(object record) => record switch
    {
        ConflictEvent => "event",
        Claim => "claim",
        Person => "person",
        _ => "allegation",
    };
}
