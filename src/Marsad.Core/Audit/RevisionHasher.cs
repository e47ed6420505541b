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
        var builder = new StringBuilder(256 + changes.Length);
        Append(builder, sequence.ToString(CultureInfo.InvariantCulture));
        Append(builder, entityType);
        Append(builder, entityId.ToString("D"));
        Append(builder, ActionName(action));
        Append(builder, author);
        Append(builder, FormatTime(at));
        Append(builder, reason ?? "\0");
        Append(builder, changes);
        Append(builder, stateSha256);
        Append(builder, previousHash);
        return Sha256Hex(builder.ToString());
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256Hex(ReadOnlySpan<byte> utf8)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The time as stored: UTC, round-trip format, so that hashing a re-read value gives the same bytes.</summary>
    public static string FormatTime(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

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

    private static void Append(StringBuilder builder, string value) =>
        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
