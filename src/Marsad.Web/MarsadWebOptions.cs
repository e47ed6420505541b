using Marsad.Core.Storage;

namespace Marsad.Web;

/// <summary>How to run the dashboard: which database, which addresses (loopback by default), and its limits.</summary>
public sealed record MarsadWebOptions
{
    public required DatabaseTarget Database { get; init; }

    /// <summary>Addresses to listen on; port 0 picks a free port (tests).</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sign-in attempts allowed per client address per minute; more get 429.</summary>
    public int SignInsPerMinute { get; init; } = 10;

    /// <summary>Largest request body accepted (review decisions and sign-ins are small).</summary>
    public long MaxRequestBodyBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// Memory for cached event pages (0 turns the cache off). A page of 100 events is ~70 KB, so 512 MB holds
    /// ~7,000 distinct queries; with 64 MB (~900 pages) a map's users asking a few thousand different filters in
    /// turn found nothing cached (least recently used goes first) and every request rendered from the database.
    /// </summary>
    public long PageCacheBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Where the gazetteer (OCHA boundaries) is; null finds the shipped one.</summary>
    public string? GazetteerDirectory { get; init; }

    /// <summary>Where the encrypted data-protection key ring lives (<see cref="Security.KeyRingProtection"/>); null: $MARSAD_HOME/web-keys.</summary>
    public string? KeysDirectory { get; init; }

    /// <summary>
    /// Serve reads only (<c>marsad serve --read-only</c>, e.g. over a streaming replica for the public site): every request
    /// other than GET, HEAD and OPTIONS is answered 405, so sign-in, review and status changes never reach the database.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>Log requests (off for benchmarks and tests).</summary>
    public bool Quiet { get; init; }
}
