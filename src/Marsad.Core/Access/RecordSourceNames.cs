using System.Data.Common;
using System.Globalization;
using Marsad.Core.Storage;

namespace Marsad.Core.Access;

/// <summary>The sources behind records of one kind, by name, with confidential ones masked unless the role may see them.</summary>
internal static class RecordSourceNames
{
    public const string Unnamed = "unnamed source";

    public static async Task<Dictionary<Guid, IReadOnlyList<string>>> ForAsync(DbConnection connection, string recordKind, IReadOnlyList<Guid> ids, Role role, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var chunk in ids.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            var names = chunk.Select((_, i) => "@r" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            command.CommandText = $"""
                SELECT rd.record_id, s.name, COALESCE(s.confidential, 0)
                FROM record_documents rd JOIN documents d ON d.id = rd.document_id LEFT JOIN sources s ON s.id = d.source_id
                WHERE rd.record_kind = @kind AND rd.record_id IN ({string.Join(", ", names)})
                """;
            command.AddParameter("@kind", recordKind);
            for (var i = 0; i < chunk.Length; i++)
            {
                command.AddParameter(names[i], chunk[i].ToString("D"));
            }

            var found = new Dictionary<Guid, SortedSet<string>>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = Guid.Parse(reader.GetString(0));
                var name = reader.GetStringOrNull(1) ?? Unnamed;
                var confidential = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) != 0;
                if (!found.TryGetValue(id, out var set))
                {
                    found[id] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(confidential && !role.SeesConfidentialSources() ? RoleRules.ConfidentialSourceName : name);
            }

            foreach (var (id, set) in found)
            {
                result[id] = [.. set];
            }
        }

        return result;
    }
}
