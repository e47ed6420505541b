using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Marsad.Core.Exchange;

/// <summary>
/// A stage of an export pipeline: the source is enumerated on its own task, a few batches ahead of the reader, so the
/// database read, reading payloads into the model and writing the format run on different cores. The buffer is
/// bounded (<see cref="Batches"/> batches of <see cref="BatchSize"/>), so memory stays flat however many rows pass.
/// Order is kept; an error in the source reaches the reader; a reader that stops early stops the source.
/// </summary>
internal static class ReadAhead
{
    private const int BatchSize = 1024;
    private const int Batches = 4;

    public static async IAsyncEnumerable<TOut> Run<TIn, TOut>(IAsyncEnumerable<TIn> source, Func<TIn, TOut> map, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<TOut[]>(new BoundedChannelOptions(Batches) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(source, map, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    foreach (var item in batch)
                    {
                        yield return item;
                    }
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            // The source's error (the channel completed with it) was thrown above; here only a stop is left to wait for.
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task ProduceAsync<TIn, TOut>(IAsyncEnumerable<TIn> source, Func<TIn, TOut> map, ChannelWriter<TOut[]> writer, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<TOut>(BatchSize);
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                batch.Add(map(item));
                if (batch.Count == BatchSize)
                {
                    await writer.WriteAsync([.. batch], cancellationToken);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await writer.WriteAsync([.. batch], cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }
    }
}
