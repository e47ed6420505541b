using Marsad.Core.Storage;
using Marsad.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The record's database: <paramref name="connection"/> is a SQLite file path (null or blank: ./marsad.db), a
    /// PostgreSQL connection string or a <c>postgres://</c> URL (<see cref="DatabaseTarget.Parse"/>), stored by the
    /// provider that accepts it. Open it with <see cref="CoreServiceCollectionExtensions.OpenMarsadStoreAsync"/>.
    /// </summary>
    public static IServiceCollection AddMarsadStorage(this IServiceCollection services, string? connection)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(DatabaseTarget.Parse(connection));
        foreach (var provider in MarsadStorage.Providers)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IStorageProvider), provider));
        }

        return services;
    }
}
