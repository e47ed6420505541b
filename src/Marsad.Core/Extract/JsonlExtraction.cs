using System.Buffers;
using System.Threading.Channels;
using Marsad.Extraction;
using Marsad.Extraction.Output;

namespace Marsad.Core.Extract;

/// <summary>
/// <c>extract --jsonl</c>: one input line in, one contract object out, in input order, streaming.
/// One reader, N workers and one writer. Lines travel in batches (a few dozen short notes or one long report),
/// so queueing costs little next to extraction; a bounded queue of batches in flight keeps memory flat however
/// long the input is, and the writer waits for each batch in turn, which keeps the output in input order.
/// A bad record becomes an object with <c>errors</c>; only a failing input or output stream stops the run.
/// <paramref name="notPlaces"/>: the sources register's names (<see cref="Sources.SourceNamesNotPlaces"/>), never a place
/// in any record, added to each record's own source.
/// </summary>
public sealed class JsonlExtraction(ExtractionEngine engine, int threads, IReadOnlyList<string>? notPlaces = null)
{
    /// <summary>Longer lines are skipped without being buffered: the engine refuses texts far shorter.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    // A batch closes at this many lines or bytes, whichever comes first.
    private const int BatchLines = 64;
    private const int BatchBytes = 256 * 1024;

    // Batches in flight per worker: enough to keep workers busy while the writer waits on a slow one.
    private const int QueuePerWorker = 4;

    public async Task<JsonlProgress> RunAsync(Stream input, Stream output, IProgress<JsonlProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var workers = Math.Max(1, threads);
        // Stops the reader and workers when the writer fails (a closed pipe, a full disk) as well as on cancellation.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Channel.CreateUnbounded<Batch>(new UnboundedChannelOptions { SingleWriter = true });
        var ordered = Channel.CreateBounded<Batch>(new BoundedChannelOptions(workers * QueuePerWorker) { SingleWriter = true, SingleReader = true });
        var reader = Task.Run(() => ReadAsync(new LineReader(input, MaxLineBytes), ordered.Writer, work.Writer, stop.Token), stop.Token);
        var running = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            running[i] = Task.Run(() => WorkAsync(work.Reader, stop.Token), stop.Token);
        }

        var done = default(JsonlProgress);
        try
        {
            await foreach (var batch in ordered.Reader.ReadAllAsync(stop.Token))
            {
                var result = await batch.Result.Task.WaitAsync(stop.Token);
                await output.WriteAsync(result.Output.WrittenMemory, stop.Token);
                done = new JsonlProgress(done.Records + batch.Lines.Count, done.WithErrors + result.Failed, done.Bytes + batch.Bytes);
                progress?.Report(done);
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            // Whatever happened, no worker is left running after the call returns.
            work.Writer.TryComplete();
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await reader;
        await output.FlushAsync(cancellationToken);
        return done;
    }

    private static async Task ReadAsync(LineReader lines, ChannelWriter<Batch> ordered, ChannelWriter<Batch> work, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new Batch();
            while (await lines.ReadLineAsync(cancellationToken) is { } line)
            {
                batch.Add(line);
                if (batch.Lines.Count >= BatchLines || batch.Bytes >= BatchBytes)
                {
                    await SendAsync(batch, ordered, work, cancellationToken);
                    batch = new Batch();
                }
            }

            if (batch.Lines.Count > 0)
            {
                await SendAsync(batch, ordered, work, cancellationToken);
            }

            ordered.TryComplete();
        }
        catch (Exception ex)
        {
            // The writer drains what was read, then sees the failure.
            ordered.TryComplete(ex);
            throw;
        }
        finally
        {
            work.TryComplete();
        }
    }

    // Ordered first: the writer's bounded queue is what holds the reader back.
    private static async Task SendAsync(Batch batch, ChannelWriter<Batch> ordered, ChannelWriter<Batch> work, CancellationToken cancellationToken)
    {
        await ordered.WriteAsync(batch, cancellationToken);
        work.TryWrite(batch);
    }

    private async Task WorkAsync(ChannelReader<Batch> work, CancellationToken cancellationToken)
    {
        await foreach (var batch in work.ReadAllAsync(cancellationToken))
        {
            try
            {
                var output = new ArrayBufferWriter<byte>(batch.Bytes + (batch.Lines.Count * 512));
                var failed = 0;
                using var writer = ContractJsonWriter.LineWriter(output);
                foreach (var line in batch.Lines)
                {
                    var result = Process(line);
                    failed += result.Errors.Length > 0 ? 1 : 0;
                    ContractJsonWriter.WriteLine(writer, output, result);
                }

                batch.Result.TrySetResult((output, failed));
            }
            catch (Exception ex)
            {
                // The writer waits on this batch: it must learn of the failure, never wait forever.
                batch.Result.TrySetException(ex);
                throw;
            }
        }
    }

    private ExtractionResult Process(RawLine line)
    {
        JsonlRecordParser.Parsed parsed;
        try
        {
            parsed = JsonlRecordParser.Parse(line);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ExtractionResult.Failed($"line-{line.Number}", $"line {line.Number}: cannot be read ({ex.GetType().Name}: {ex.Message})");
        }

        if (parsed.Input is null)
        {
            return ExtractionResult.Failed(parsed.Id, parsed.Problems[0]);
        }

        ExtractionResult result;
        try
        {
            result = engine.Extract(notPlaces is { Count: > 0 } ? Sources.SourceNamesNotPlaces.With(parsed.Input, notPlaces) : parsed.Input);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One record must not stop the run: the failure is that record's error, the rest goes on.
            return ExtractionResult.Failed(parsed.Id, $"line {line.Number}: extraction failed ({ex.GetType().Name}: {ex.Message})");
        }

        return parsed.Problems.Count == 0 && result.Errors.Length == 0
            ? result
            : result with { Errors = [.. parsed.Problems, .. result.Errors.Select(e => $"line {line.Number}: {e}")] };
    }

    private sealed class Batch
    {
        public List<RawLine> Lines { get; } = new(BatchLines);

        /// <summary>Input bytes of the batch's lines, line breaks included.</summary>
        public int Bytes { get; private set; }

        public TaskCompletionSource<(ArrayBufferWriter<byte> Output, int Failed)> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(RawLine line)
        {
            Lines.Add(line);
            Bytes += (int)Math.Min(line.ByteCount + 1, int.MaxValue / 4);
        }
    }
}
