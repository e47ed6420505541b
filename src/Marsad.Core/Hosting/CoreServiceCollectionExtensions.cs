using Marsad.Core.Review;
using Marsad.Core.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What every host (the CLI, the web, a test) registers to run Core's use cases.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// The clock (the system's unless the host registered its own first), the store opener over whichever storage
    /// providers the host registers (<c>AddMarsadStorage</c>), and the use cases a host runs per request over the
    /// <see cref="IMarsadStore"/> it registered once open (the web's review API), each built on that store and clock.
    /// </summary>
    public static IServiceCollection AddMarsadCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StoreOpener>();
        services.TryAddTransient<ReviewRecords>();
        services.TryAddTransient<UndoSplit>();
        services.TryAddTransient<SetEventStatus>();
        return services;
    }

    /// <summary>Opens the database the host registered (<c>AddMarsadStorage</c>), migrating it when <paramref name="migrate"/> is true.</summary>
    public static Task<IMarsadStore> OpenMarsadStoreAsync(this IServiceProvider services, bool migrate = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<StoreOpener>().OpenAsync(services.GetRequiredService<DatabaseTarget>(), migrate, cancellationToken);
    }
}
