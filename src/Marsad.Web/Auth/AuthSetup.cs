using System.Threading.RateLimiting;
using Marsad.Core.Access;
using Marsad.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Marsad.Web.Auth;

/// <summary>
/// Who may do what: cookies for people in the dashboard, bearer tokens for scripts, one policy per role
/// ("at least this role"), anti-forgery for cookie writes, and a sign-in rate limit per client address.
/// </summary>
public static class AuthSetup
{
    public const string SignInLimit = "sign-in";
    private const string Selector = "cookie-or-token";

    public static string Policy(Role role) => "at-least-" + RoleNames.Name(role);

    public static IServiceCollection AddMarsadAuth(this IServiceCollection services, MarsadWebOptions options)
    {
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "marsad.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers with a status, never a redirect to a sign-in page.
                o.Events.OnRedirectToLogin = c => Status(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Status(c, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = RefreshRoleAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o =>
        {
            foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.Public))
            {
                o.AddPolicy(Policy(role), p => p.RequireAuthenticatedUser().RequireAssertion(c => UserRole.Of(c.User) >= role));
            }
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryFilter.HeaderName;
            o.Cookie.Name = "marsad.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>A credential that was presented but did not authenticate (a revoked token) is refused outright, never taken as anonymous.</summary>
    public static IApplicationBuilder UseRefusedCredentials(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.Authorization.Count > 0 && context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return;
        }

        await next(context);
    });

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Each request by cookie takes the account's current role, so a demoted or deleted account loses its rights at once;
    /// a cookie issued under another security stamp (the account signed out, changed password or role, was revoked or
    /// disabled since) is refused.
    /// </summary>
    private static async Task RefreshRoleAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var store = context.HttpContext.RequestServices.GetRequiredService<IMarsadStore>();
        var account = name is null ? null : await store.Accounts.FindAsync(name, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || context.Principal?.FindFirst(UserRole.StampClaimType)?.Value != account.SecurityStamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (UserRole.Of(context.Principal) != account.Role)
        {
            context.ReplacePrincipal(UserRole.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme, "cookie"));
        }
    }
}
