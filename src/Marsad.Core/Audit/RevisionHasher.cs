using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marsad.Domain.Audit;

namespace Marsad.Core.Audit;

/// <summary>
/// The chain's hash: SHA-256 over every field of a revision, each length-prefixed so that no two
/// different revisions can encode to the same bytes, ending with the previous revision's hash.
/// </summary>
public static class RevisionHasher
{
    public static string Hash(long sequence, string entityType, Guid entityId, RevisionAction action, string author, DateTimeOffset at, string? reason, string changes, string stateSha256, string previousHash)
    {
        // Encoded straight into one pooled buffer: the same bytes as the UTF-8 of the joined text (no value
        // sits next to another, so no surrogate pair can form across them), without the text itself; a
        // bulk corroboration hashes a revision per event.
        Span<string> values = [sequence.ToString(CultureInfo.InvariantCulture), entityType, entityId.ToString("D"), ActionName(action), author, FormatTime(at), reason ?? "\0", changes, stateSha256, previousHash];
        var size = 0;
        foreach (var value in values)
        {
            size += 12 + Encoding.UTF8.GetMaxByteCount(value.Length);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var written = 0;
            foreach (var value in values)
            {
                _ = value.Length.TryFormat(buffer.AsSpan(written), out var digits, provider: CultureInfo.InvariantCulture);
                written += digits;
                buffer[written++] = (byte)':';
                written += Encoding.UTF8.GetBytes(value, buffer.AsSpan(written));
                buffer[written++] = (byte)'\n';
            }

            return Sha256Hex(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256Hex(ReadOnlySpan<byte> utf8)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The time as stored: UTC, round-trip format, so that hashing a re-read value gives the same bytes.</summary>
    public static string FormatTime(DateTimeOffset at)
    {
        // A write transaction stamps every record and revision it writes with one instant, three times a row (the row,
        // the revision, its hash): an import of 23,000 rows formatted the same text 70,000 times. The last instant's
        // text is kept (one immutable pair, so threads never see a half-written one); the text depends on the UTC instant only.
        if (lastFormatted is { } last && last.UtcTicks == at.UtcTicks)
        {
            return last.Text;
        }

        var text = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        lastFormatted = new FormattedTime(at.UtcTicks, text);
        return text;
    }

    private sealed record FormattedTime(long UtcTicks, string Text);

    private static FormattedTime? lastFormatted;

    public static string ActionName(RevisionAction action) => action switch
    {
        RevisionAction.Insert => "insert",
        RevisionAction.Update => "update",
        RevisionAction.StatusChange => "status_change",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static RevisionAction ParseAction(string name) => name switch
    {
        "insert" => RevisionAction.Insert,
        "update" => RevisionAction.Update,
        "status_change" => RevisionAction.StatusChange,
        _ => throw new FormatException($"unknown revision action '{name}'"),
    };
}
