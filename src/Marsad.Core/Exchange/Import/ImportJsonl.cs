using System.Runtime.CompilerServices;
using System.Text.Json;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Exchange.Import;

/// <summary>
/// What <c>marsad import jsonl</c> did: lines read, events inserted, the same as stored, in conflict, the lines it could not
/// read, and warnings about lines it kept with less than they carried (a link to a document this database does not hold).
/// </summary>
public sealed record JsonlImportSummary(long Lines, int Inserted, int Unchanged, IReadOnlyList<Guid> Conflicts, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportError> Warnings);

/// <summary>
/// <c>marsad import jsonl FILE</c>: Marsad's own JSON Lines export read back, so two teams can exchange records.
/// Ids are kept; an event that exists here already is left alone, and reported as a conflict when it differs (the
/// two teams' versions need a person to reconcile them; nothing is overwritten). One transaction.
/// An exported event names the documents that report it; the receiving database usually does not hold those documents
/// (the texts stay with the team that collected them), and a stored link must point at a stored document. Such a link
/// is dropped from the event, which is kept, and each line that lost one gets a warning naming the document ids, so
/// the other team can be asked for the texts. Dropping it from the event itself (not only from the link table) keeps the
/// sealed payload and its links in agreement, which <c>audit verify</c> checks.
/// </summary>
public sealed class ImportJsonl(IMarsadStore store)
{
    public async Task<JsonlImportSummary> RunAsync(Stream input, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ImportError>();
        var warnings = new List<ImportError>();
        var conflicts = new List<Guid>();
        var documentHere = new Dictionary<Guid, bool>();
        long lines = 0;
        var counts = await store.Records.UpsertManyAsync(Events(), Keep, null, new ChangeContext(author, "import jsonl"), cancellationToken);
        return new JsonlImportSummary(lines, counts.Inserted, counts.Unchanged - conflicts.Count, conflicts, errors, warnings);

        async Task<ConflictEvent> WithDocumentsHereAsync(ConflictEvent read)
        {
            if (read.DocumentIds.IsEmpty)
            {
                return read;
            }

            var missing = new List<Guid>();
            foreach (var document in read.DocumentIds)
            {
                if (!documentHere.TryGetValue(document, out var here))
                {
                    // Once per distinct document: an export links many events to few documents.
                    here = await store.Documents.FindAsync(document.ToString("D"), cancellationToken) is { } found && found.Id == document;
                    documentHere[document] = here;
                }

                if (!here)
                {
                    missing.Add(document);
                }
            }

            if (missing.Count == 0)
            {
                return read;
            }

            warnings.Add(new ImportError(lines, lines, "documentIds",
                $"event {read.Id}: document {string.Join(", ", missing.Select(d => d.ToString("D")))} is not in this database; the event was kept without that link"));
            return read with { DocumentIds = [.. read.DocumentIds.Where(d => !missing.Contains(d))] };
        }

        ConflictEvent? Keep(ConflictEvent incoming, ConflictEvent stored)
        {
            if (incoming != stored)
            {
                conflicts.Add(incoming.Id);
            }

            return null;
        }

        async IAsyncEnumerable<ConflictEvent> Events([EnumeratorCancellation] CancellationToken token = default)
        {
            using var reader = new StreamReader(input, leaveOpen: true);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lines++;
                if (line.Length == 0)
                {
                    continue;
                }

                ConflictEvent? read = null;
                try
                {
                    using var document = JsonDocument.Parse(line);
                    read = document.RootElement.TryGetProperty("event", out var e) ? e.Deserialize<ConflictEvent>(MarsadJson.Options) : null;
                    if (read is null)
                    {
                        errors.Add(new ImportError(lines, lines, "event", "the line has no event"));
                    }
                }
                catch (Exception ex) when (ex is JsonException or DomainException)
                {
                    errors.Add(new ImportError(lines, lines, null, ex.Message));
                }

                if (read is not null)
                {
                    yield return await WithDocumentsHereAsync(read);
                }
            }
        }
    }
}
