using System.Globalization;
using System.Text.Json;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;

namespace Marsad.Core.Audit;

/// <summary>Writing anchors of the chain to files, and checking that the chain still extends every anchor in a folder.</summary>
public sealed class AuditAnchors(IMarsadStore store, TimeProvider time)
{
    /// <summary>Verifies the chain, then signs its head into <c>anchor-NNNNNNNNNN.json</c> in <paramref name="folder"/>; refuses a chain that does not verify.</summary>
    public async Task<(AuditAnchor Anchor, string File)> WriteAsync(string folder, AnchorKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var verification = await store.Audit.VerifyAsync(null, cancellationToken);
        if (verification.FirstFailure is { } failure)
        {
            throw new InvalidOperationException($"the chain does not verify ({failure.Problem}); an anchor would seal the tampering");
        }

        var anchor = AuditAnchor.Sign(verification.Checked, verification.HeadHash, time.GetUtcNow(), key);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"anchor-{anchor.Count:D10}-{anchor.At:yyyyMMddTHHmmssZ}.json"));
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(anchor, MarsadJson.Indented), cancellationToken);
        return (anchor, file);
    }

    /// <summary>
    /// Every anchor in the folder must be signed (by <paramref name="trustedKey"/> when given) and the chain must pass
    /// through its head: as long as its count, with the anchored hash at that revision.
    /// </summary>
    public async Task<IReadOnlyList<AuditFailure>> CheckAsync(string folder, string? trustedKey, CancellationToken cancellationToken = default)
    {
        var failures = new List<AuditFailure>();
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray() : [];
        if (files.Length == 0)
        {
            failures.Add(new AuditFailure(0, "anchor", folder, "no anchor files (*.json) in the folder"));
        }

        var count = await store.Audit.CountAsync(cancellationToken);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            AuditAnchor? anchor;
            try
            {
                anchor = JsonSerializer.Deserialize<AuditAnchor>(await File.ReadAllTextAsync(file, cancellationToken), MarsadJson.Options);
            }
            catch (JsonException ex)
            {
                failures.Add(new AuditFailure(0, "anchor", name, $"cannot be read: {ex.Message}"));
                continue;
            }

            if (anchor is null || !anchor.SignatureHolds())
            {
                failures.Add(new AuditFailure(0, "anchor", name, "its signature does not hold: the anchor was altered or forged"));
            }
            else if (trustedKey is not null && !string.Equals(anchor.PublicKey, trustedKey.Trim(), StringComparison.Ordinal))
            {
                failures.Add(new AuditFailure(0, "anchor", name, "signed by a key other than the trusted one"));
            }
            else if (anchor.Count > count)
            {
                failures.Add(new AuditFailure(anchor.Count, "anchor", name,
                    string.Create(CultureInfo.InvariantCulture, $"the anchor sealed {anchor.Count} revisions but the chain has {count}: revisions were removed")));
            }
            else if (anchor.Count > 0 && !string.Equals(await store.Audit.HashAtAsync(anchor.Count, cancellationToken), anchor.HeadHash, StringComparison.Ordinal))
            {
                failures.Add(new AuditFailure(anchor.Count, "anchor", name, "the chain no longer passes through the anchored head: it was rewritten"));
            }
        }

        return failures;
    }
}
