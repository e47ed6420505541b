using System.Runtime.CompilerServices;
using System.Text.Json;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Exchange.Import;

/// <summary>What <c>marsad import jsonl</c> did: lines read, events inserted, the same as stored, in conflict, and the lines it could not read.</summary>
public sealed record JsonlImportSummary(long Lines, int Inserted, int Unchanged, IReadOnlyList<Guid> Conflicts, IReadOnlyList<ImportError> Errors);

/// <summary>
/// <c>marsad import jsonl FILE</c>: Marsad's own JSON Lines export read back, so two teams can exchange records.
/// Ids are kept; an event that exists here already is left alone, and reported as a conflict when it differs (the
/// two teams' versions need a person to reconcile them; nothing is overwritten). One transaction.
/// </summary>
public sealed class ImportJsonl(IMarsadStore store)
{
    public async Task<JsonlImportSummary> RunAsync(Stream input, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ImportError>();
        var conflicts = new List<Guid>();
        long lines = 0;
        var counts = await store.Records.UpsertManyAsync(Events(), Keep, null, new ChangeContext(author, "import jsonl"), cancellationToken);
        return new JsonlImportSummary(lines, counts.Inserted, counts.Unchanged - conflicts.Count, conflicts, errors);

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
                    yield return read;
                }
            }
        }
    }
}
