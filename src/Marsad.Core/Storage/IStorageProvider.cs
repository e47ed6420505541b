namespace Marsad.Core.Storage;

/// <summary>
/// A database engine the store can run on, from its own assembly (Marsad.Storage.Sqlite, Marsad.Storage.Postgres): Core
/// writes its SQL once against <see cref="SqlDialect"/> and never names a driver, and a host carries only the providers it
/// registers (<c>AddMarsadStorage</c>).
/// </summary>
public interface IStorageProvider
{
    /// <summary>Whether this engine stores the record <paramref name="target"/> names.</summary>
    bool Accepts(DatabaseTarget target);

    /// <summary>
    /// The dialect over <paramref name="target"/>; a target it cannot open (a folder for a file, an unreadable URL) throws
    /// <see cref="StoreUnavailableException"/> naming the target without its secrets.
    /// </summary>
    SqlDialect CreateDialect(DatabaseTarget target);
}
