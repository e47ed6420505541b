using System.Security.Cryptography;
using System.Text;

namespace Marsad.Core.Audit;

/// <summary>
/// A table whose rows are sealed whole by the revision chain: every write appends a revision whose
/// state is the hash of the row's canonical form (<see cref="SealedRow"/>), so any later edit, added
/// row or deleted row is found by <c>audit verify</c>. Large or secret columns are sealed by digest.
/// </summary>
internal sealed record SealedTable(string EntityType, string Table, IReadOnlyList<string> Columns, IReadOnlySet<string> Digested, Func<IReadOnlyDictionary<string, object?>, Guid> Id)
{
    public string SelectSql => $"SELECT {string.Join(", ", Columns)} FROM {Table}";

    public static SealedTable Documents { get; } = new(
        AuditLog.DocumentStateType, "documents",
        ["id", "text_sha256", "original_sha256", "title", "published", "source_id", "url", "language", "media_type", "origin", "received_at", "clean_text", "original"],
        new HashSet<string>(StringComparer.Ordinal) { "clean_text", "original" }, ById);

    public static SealedTable Sources { get; } = new(
        "source", "sources",
        ["id", "name", "name_key", "kind", "confidential", "url", "reliability_note", "created_at"],
        new HashSet<string>(StringComparer.Ordinal), ById);

    public static SealedTable Users { get; } = new(
        "user", "users",
        ["id", "name", "name_key", "role", "password_hash", "created_at", "disabled_at"],
        new HashSet<string>(StringComparer.Ordinal) { "password_hash" }, ById);

    public static SealedTable Tokens { get; } = new(
        "api_token", "api_tokens",
        ["id", "user_id", "token_sha256", "created_at", "revoked_at"],
        new HashSet<string>(StringComparer.Ordinal), ById);

    /// <summary>What the engine read (the clean text evidence spans point into, and its output), one row per document and engine version.</summary>
    public static SealedTable Extractions { get; } = new(
        "extraction", "extractions",
        ["document_id", "engine_version", "extracted_at", "clean_text", "result", "events", "claims", "persons", "allegations", "checks"],
        new HashSet<string>(StringComparer.Ordinal) { "clean_text", "result" },
        row => KeyGuid($"{row["document_id"]}\n{row["engine_version"]}"));

    public static IReadOnlyList<SealedTable> All { get; } = [Documents, Sources, Users, Tokens, Extractions];

    private static Guid ById(IReadOnlyDictionary<string, object?> row) => Guid.Parse((string)row["id"]!);

    /// <summary>A stable id for a row keyed by several columns (the chain names entities by GUID).</summary>
    private static Guid KeyGuid(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return new Guid(hash[..16]);
    }
}
