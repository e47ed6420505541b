namespace Marsad.Core.Storage.Postgres;

/// <summary>PostgreSQL for a target that is a connection string (<c>Host=…</c>) or a <c>postgres://</c> URL.</summary>
public sealed class PostgresStorageProvider : IStorageProvider
{
    public bool Accepts(DatabaseTarget target) => target?.Provider == DatabaseProvider.PostgreSql;

    public SqlDialect CreateDialect(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            return new PostgresDialect(target.Value);
        }
        catch (ArgumentException ex)
        {
            throw new StoreUnavailableException($"database {target.Display}: {ex.Message}", ex);
        }
    }
}
