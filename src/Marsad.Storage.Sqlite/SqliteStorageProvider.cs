namespace Marsad.Core.Storage.Sqlite;

/// <summary>SQLite for a target that is a file path (every target that is not a PostgreSQL connection, see <see cref="DatabaseTarget.Parse"/>).</summary>
public sealed class SqliteStorageProvider : IStorageProvider
{
    public bool Accepts(DatabaseTarget target) => target?.Provider == DatabaseProvider.Sqlite;

    public SqlDialect CreateDialect(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var path = Path.GetFullPath(target.Value);
        var folder = Path.GetDirectoryName(path);
        if (Directory.Exists(path))
        {
            throw new StoreUnavailableException($"database {path}: is a directory, not a database file");
        }

        if (folder is not null && !Directory.Exists(folder))
        {
            throw new StoreUnavailableException($"database {path}: folder {folder} does not exist");
        }

        return new SqliteDialect(path);
    }
}
