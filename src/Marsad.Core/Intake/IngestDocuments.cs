using System.Security.Cryptography;
using System.Text;
using Marsad.Core.Extract;
using Marsad.Core.Intake.Parsing;
using Marsad.Core.Sources;
using Marsad.Core.Storage;
using Marsad.Domain.Documents;
using Marsad.Extraction;

namespace Marsad.Core.Intake;

/// <summary>
/// <c>marsad ingest</c>: reads every input, normalises its text and stores each document once (by
/// SHA-256 of the normalised text); with an engine, also stores what extraction proposes from it as
/// candidates. The document is one transaction and its extraction another, so an interrupted run
/// leaves only whole documents and whole extractions, and a re-run does just what is missing. One
/// bad input never stops the run.
/// </summary>
public sealed class IngestDocuments(IMarsadStore store, TimeProvider time, ExtractionEngine? engine = null)
{
    public async Task<IngestSummary> RunAsync(IngestRequest request, ChangeContext context, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (files, failures) = InputEnumerator.Expand(request.Paths);
        var outcomes = new List<IngestOutcome>(failures);
        var total = files.Count + failures.Count;
        var done = 0;
        foreach (var failure in failures)
        {
            progress?.Report(new IngestProgress(++done, total, failure));
        }

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fileOutcomes = await IngestFileAsync(file, request, context, cancellationToken);
            outcomes.AddRange(fileOutcomes);
            progress?.Report(new IngestProgress(++done, total, fileOutcomes[^1]));
        }

        return new IngestSummary(outcomes);
    }

    private async Task<IReadOnlyList<IngestOutcome>> IngestFileAsync(string file, IngestRequest request, ChangeContext context, CancellationToken cancellationToken)
    {
        byte[] original;
        IReadOnlyList<ParsedReport> reports;
        try
        {
            (original, reports) = await ReportFileReader.ReadAsync(file, cancellationToken);
        }
        catch (IntakeFormatException ex)
        {
            return [new IngestOutcome(file, IngestStatus.Failed, Problem: ex.Message)];
        }

        var outcomes = new List<IngestOutcome>(reports.Count);
        for (var i = 0; i < reports.Count; i++)
        {
            var origin = reports.Count == 1 && reports[i].MediaType is not (MediaTypes.Rss or MediaTypes.Atom) ? file : $"{file}#{i + 1}";
            outcomes.Add(await StoreAsync(reports[i], original, origin, request, context, cancellationToken));
        }

        return outcomes.Count > 0 ? outcomes : [new IngestOutcome(file, IngestStatus.Failed, Problem: "no report text found")];
    }

    private async Task<IngestOutcome> StoreAsync(ParsedReport report, byte[] original, string origin, IngestRequest request, ChangeContext context, CancellationToken cancellationToken)
    {
        var text = TextNormalizer.Normalize(report.Text);
        if (text.Length == 0)
        {
            return new IngestOutcome(origin, IngestStatus.Failed, Problem: "no report text found");
        }

        // A document the engine cannot read would sit in the record unread: refused, with the limit named.
        if (text.Length > ExtractionEngine.MaxTextLength)
        {
            return new IngestOutcome(origin, IngestStatus.Failed, Problem: string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"text of {text.Length} characters is longer than the extraction engine's limit of {ExtractionEngine.MaxTextLength}; split the report and ingest its parts"));
        }

        // A text already stored and already read by this engine is not read again: the engine's work (seconds for a long
        // report) is skipped by one lookup of the text's SHA-256, so re-running ingest over a folder costs almost nothing.
        var textSha256 = Sha256(Encoding.UTF8.GetBytes(text));
        if (await store.Documents.IdByTextSha256Async(textSha256, cancellationToken) is { } storedId
            && (engine is null || await store.Extractions.ExistsAsync(storedId, EngineVersion.Current, cancellationToken)))
        {
            return new IngestOutcome(origin, IngestStatus.AlreadyPresent, storedId, report.Title, Undated: report.PublishedOr(text, request.Published) is null);
        }

        var now = time.GetUtcNow();
        var document = new Document(
            Guid.CreateVersion7(now),
            report.Title,
            text,
            textSha256,
            Sha256(original),
            original,
            report.MediaType,
            report.PublishedOr(text, request.Published),
            report.SourceName ?? request.SourceName,
            report.Url,
            LanguageGuess.Of(text),
            origin,
            now);
        // Read before anything is stored: a document the engine cannot read (past its work budget) is refused whole,
        // with the engine's reason, rather than stored unread. Results depend only on the text, so the id given here
        // (the text's hash) changes nothing but the result's label, which is not stored.
        // The register is read for each document: one stored earlier in this run may have added its source to it.
        var notPlaces = engine is null ? [] : await SourceNamesNotPlaces.ReadAsync(store.Sources, cancellationToken);
        var reading = engine?.Extract(new DocumentInput(text, document.Published, document.SourceName, document.Title, document.TextSha256, notPlaces));
        if (reading is { Errors.Length: > 0 })
        {
            return new IngestOutcome(origin, IngestStatus.Failed, Problem: "not stored: " + string.Join("; ", reading.Errors));
        }

        var result = await store.Documents.AddAsync(document, context, cancellationToken);
        ExtractionCounts? extracted = null;
        var unresolved = 0;
        if (reading is not null && !await store.Extractions.ExistsAsync(result.DocumentId, EngineVersion.Current, cancellationToken))
        {
            unresolved = reading.Events.Count(e => e.Date.IsUnresolved);
            extracted = await store.Extractions.SaveAsync(
                result.DocumentId,
                EngineVersion.Current,
                reading with { Id = result.DocumentId.ToString("D") },
                new ChangeContext(context.Author, "extracted on ingest"),
                cancellationToken);
        }

        return new IngestOutcome(origin, result.Stored ? IngestStatus.Stored : IngestStatus.AlreadyPresent, result.DocumentId, document.Title, Extracted: extracted,
            Undated: document.Published is null, UnresolvedDates: unresolved);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
