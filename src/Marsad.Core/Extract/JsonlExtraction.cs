using System.Threading.Channels;
using Marsad.Extraction;
using Marsad.Extraction.Output;

namespace Marsad.Core.Extract;

/// <summary>
/// <c>extract --jsonl</c>: one input line in, one contract object out, in input order, streaming.
/// One reader, N workers and one writer; a bounded queue of records in flight keeps memory flat
/// however long the input is, and the writer waits for each record's result in turn.
/// A bad record becomes an object with <c>errors</c>; only a failing input stream stops the run.
/// </summary>
public sealed class JsonlExtraction(ExtractionEngine engine, int threads)
{
    /// <summary>Longer lines are skipped without being buffered: the engine refuses texts far shorter.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    // Records in flight per worker: enough to keep workers busy while the writer waits on a slow record.
    private const int QueuePerWorker = 16;

    public async Task<JsonlProgress> RunAsync(Stream input, TextWriter output, IProgress<JsonlProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var workers = Math.Max(1, threads);
        // Stops the reader and workers when the writer fails (a closed pipe, a full disk) as well as on cancellation.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = true });
        var ordered = Channel.CreateBounded<Pending>(new BoundedChannelOptions(workers * QueuePerWorker) { SingleWriter = true, SingleReader = true });
        var reader = Task.Run(() => ReadAsync(new LineReader(input, MaxLineBytes), ordered.Writer, work.Writer, stop.Token), stop.Token);
        var running = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            running[i] = Task.Run(() => WorkAsync(work.Reader, stop.Token), stop.Token);
        }

        var done = default(JsonlProgress);
        try
        {
            await foreach (var pending in ordered.Reader.ReadAllAsync(cancellationToken))
            {
                var (json, failed) = await pending.Result.Task.WaitAsync(cancellationToken);
                await output.WriteLineAsync(json.AsMemory(), cancellationToken);
                done = new JsonlProgress(done.Records + 1, done.WithErrors + (failed ? 1 : 0), done.Bytes + pending.Line.ByteCount + 1);
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

    private static async Task ReadAsync(LineReader lines, ChannelWriter<Pending> ordered, ChannelWriter<Pending> work, CancellationToken cancellationToken)
    {
        try
        {
            while (await lines.ReadLineAsync(cancellationToken) is { } line)
            {
                var pending = new Pending(line);
                // Ordered first: the writer's bounded queue is what holds the reader back.
                await ordered.WriteAsync(pending, cancellationToken);
                work.TryWrite(pending);
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

    private async Task WorkAsync(ChannelReader<Pending> work, CancellationToken cancellationToken)
    {
        await foreach (var pending in work.ReadAllAsync(cancellationToken))
        {
            pending.Result.TrySetResult(Process(pending.Line));
        }
    }

    private (string Json, bool Failed) Process(RawLine line)
    {
        var parsed = JsonlRecordParser.Parse(line);
        ExtractionResult result;
        if (parsed.Input is null)
        {
            result = ExtractionResult.Failed(parsed.Id, parsed.Problems[0]);
        }
        else
        {
            try
            {
                result = engine.Extract(parsed.Input);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One record must not stop the run: the failure is that record's error, the rest goes on.
                result = ExtractionResult.Failed(parsed.Id, $"line {line.Number}: extraction failed ({ex.GetType().Name}: {ex.Message})");
            }

            if (parsed.Problems.Count > 0 || result.Errors.Length > 0)
            {
                result = result with { Errors = [.. parsed.Problems, .. result.Errors.Select(e => e.StartsWith("line ", StringComparison.Ordinal) ? e : $"line {line.Number}: {e}")] };
            }
        }

        return (ContractJsonWriter.ToJson(result), result.Errors.Length > 0);
    }

    private sealed class Pending(RawLine line)
    {
        public RawLine Line { get; } = line;

        public TaskCompletionSource<(string Json, bool Failed)> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
