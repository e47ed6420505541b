using Microsoft.Extensions.Caching.Memory;

namespace Marsad.Web.Api;

/// <summary>
/// Rendered event pages, up to a memory budget, least recently used out first. Keys carry the data's version,
/// so entries for an older record are never served; they age out.
/// </summary>
internal sealed class EventPageCache(long budgetBytes) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = budgetBytes, CompactionPercentage = 0.25 });
    private readonly SemaphoreSlim _renders = new(2 * Environment.ProcessorCount);

    public async Task<EventPageBody> GetOrAddAsync(string key, Func<Task<EventPageBody>> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (_cache.TryGetValue(key, out EventPageBody? hit) && hit is not null)
        {
            return hit;
        }

        // Renders run a few at a time: under a burst of new queries, hundreds at once would each take a pooled
        // connection (the pool grows, every new connection starts with a cold page cache) and share the cores
        // anyway; queued, each finishes sooner and the pool stays small and warm.
        await _renders.WaitAsync();
        EventPageBody body;
        try
        {
            if (_cache.TryGetValue(key, out hit) && hit is not null)
            {
                return hit;
            }

            body = await render();
        }
        finally
        {
            _renders.Release();
        }

        _cache.Set(key, body, new MemoryCacheEntryOptions { Size = body.Size + key.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return body;
    }

    public void Dispose()
    {
        _cache.Dispose();
        _renders.Dispose();
    }
}
