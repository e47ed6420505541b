using System.Text.Json;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Web.Api;
using Marsad.Web.Auth;
using Marsad.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;

namespace Marsad.Web;

/// <summary>
/// Builds the dashboard and API over a store: the same host for <c>marsad serve</c>, <c>marsad demo</c>, the
/// tests and the load benchmark. Pages are static HTML and scripts (no inline script) calling the JSON API.
/// </summary>
public static class MarsadWebApp
{
    public static WebApplication Build(MarsadWebOptions options, IMarsadStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(MarsadWebApp).Assembly.GetName().Name, Args = [] });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Logging.ClearProviders();
        if (!options.Quiet)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        }

        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options.Time);
        builder.Services.AddMarsadCore();
        builder.Services.AddSingleton(new EventPageCache(options.PageCacheBytes));
        builder.Services.ConfigureHttpJsonOptions(o => CopyMarsadJson(o.SerializerOptions));
        builder.Services.AddMarsadKeyRing(options.KeysDirectory ?? KeyRingProtection.DefaultDirectory(Environment.GetEnvironmentVariable));
        builder.Services.AddMarsadAuth(options);
        builder.Services.AddOpenApi(QueryParameters.Declare);
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        // The place and actor tables the filters and review read are loaded before the server listens (one shared
        // gazetteer): ready when it says so, instead of loading them on a background task that shares the core with the
        // first requests, and again on the first filter by governorate.
        Core.Events.Filters.ForgivingFilters.Default.Load();
        Core.Review.PlainValues.PlainFields.Default.Warm();
        app.UseSecurityHeaders();
        if (options.ReadOnly)
        {
            app.UseReadOnlyGuard();
        }

        app.UseStatusCodePages();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = Pages });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Pages });
        app.UseAuthentication();
        app.UseRefusedCredentials();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapHealth();
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        api.MapEvents().MapRecords().MapReview().MapAccount().MapAudit().MapPlaceNames();
        new BoundariesApi(options.GazetteerDirectory).Map(api);
        return app;
    }

    /// <summary>Where the server listens once started (the real port when the options asked for port 0).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
    }

    private static ManifestEmbeddedFileProvider Pages { get; } = new(typeof(MarsadWebApp).Assembly, "wwwroot");

    /// <summary>The API speaks Marsad's one JSON shape (snake_case, enums as names, ACLED labels), as exports and the CLI do.</summary>
    private static void CopyMarsadJson(JsonSerializerOptions target)
    {
        var source = MarsadJson.Options;
        target.PropertyNamingPolicy = source.PropertyNamingPolicy;
        target.DictionaryKeyPolicy = source.DictionaryKeyPolicy;
        target.DefaultIgnoreCondition = source.DefaultIgnoreCondition;
        target.Encoder = source.Encoder;
        foreach (var converter in source.Converters)
        {
            target.Converters.Add(converter);
        }
    }
}
