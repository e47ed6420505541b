namespace Marsad.Core.Storage;

/// <summary>
/// Which database to use, from <c>--db</c> / <c>MARSAD_DB</c>: a PostgreSQL connection string
/// (<c>Host=...</c> or a <c>postgres://</c> URL) or else a SQLite file path.
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string Value)
{
    public const string DefaultSqlitePath = "marsad.db";

    public static DatabaseTarget Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new DatabaseTarget(DatabaseProvider.Sqlite, DefaultSqlitePath);
        }

        var trimmed = value.Trim();
        var isPostgres = trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("Host=", StringComparison.OrdinalIgnoreCase);
        return new DatabaseTarget(isPostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite, trimmed);
    }

    /// <summary>What to print: the path for SQLite; the connection string without its password for PostgreSQL.</summary>
    public string Display => Provider == DatabaseProvider.Sqlite
        ? Path.GetFullPath(Value)
        : System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(Value, "(?i)(password|pwd)=[^;&]*", "$1=***"),
            "(?i)^(postgres(?:ql)?://[^:/@]*):[^@]*@", "$1:***@");
}

/// <summary>The database engines Marsad can store its record in.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
