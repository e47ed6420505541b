namespace Marsad.Web;

/// <summary>The liveness probe: the dashboard and API come in a later issue; this says the host is up.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health", () => TypedResults.Ok(new HealthStatus("ok", typeof(HealthEndpoints).Assembly.GetName().Version?.ToString() ?? "0")));
        return app;
    }
}

/// <summary>Body of <c>GET /health</c>.</summary>
public sealed record HealthStatus(string Status, string Version);
