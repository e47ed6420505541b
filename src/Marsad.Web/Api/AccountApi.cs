using Marsad.Core.Access;
using Marsad.Core.Storage;
using Marsad.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marsad.Web.Api;

/// <summary>
/// Signing in and out of the dashboard (a cookie), who the caller is, and the anti-forgery token that
/// cookie writes must send. Sign-in is rate limited per address and itself needs the anti-forgery token.
/// </summary>
internal static class AccountApi
{
    public static RouteGroupBuilder MapAccount(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("account");
        account.MapGet("/me", (HttpContext http) => TypedResults.Ok(new Me(http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null, RoleNames.Name(UserRole.Of(http.User)))))
            .WithSummary("Who the caller is (role public when anonymous)");
        account.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) => TypedResults.Ok(new AntiforgeryToken(antiforgery.GetAndStoreTokens(http).RequestToken!)))
            .WithSummary("A token to send as X-CSRF-TOKEN with writes made by cookie");
        account.MapPost("/signin", SignInAsync).AddEndpointFilter<AntiforgeryFilter>().RequireRateLimiting(AuthSetup.SignInLimit).WithSummary("Sign in with name and password (sets the session cookie)");
        account.MapPost("/signout", async (HttpContext http, IMarsadStore store, CancellationToken ct) =>
        {
            // Signing out ends every session of the account (a new security stamp), so a copied cookie dies with it.
            if (http.User.Identity?.IsAuthenticated == true && http.User.Identity.Name is { } name)
            {
                await store.Accounts.EndSessionsAsync(name, ct);
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).AddEndpointFilter<AntiforgeryFilter>().WithSummary("Sign out: ends every session and token of the account");
        return api;
    }

    private static async Task<Results<Ok<Me>, UnauthorizedHttpResult, ValidationProblem>> SignInAsync(SignInRequest request, HttpContext http, IMarsadStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || string.IsNullOrEmpty(request.Password) || request.Name.Length > 200 || request.Password.Length > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["name and password are required"] });
        }

        var account = await store.Accounts.CheckPasswordAsync(request.Name, request.Password, cancellationToken);
        if (account is null)
        {
            return TypedResults.Unauthorized();
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, UserRole.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme, "cookie"));
        return TypedResults.Ok(new Me(account.Name, RoleNames.Name(account.Role)));
    }
}

/// <summary>Body of <c>POST /api/account/signin</c>.</summary>
public sealed record SignInRequest(string Name, string Password);

/// <summary>The caller: a name when signed in, and the role requests act with.</summary>
public sealed record Me(string? Name, string Role);

/// <summary>Send <see cref="Token"/> in the <c>X-CSRF-TOKEN</c> header of writes made by cookie.</summary>
public sealed record AntiforgeryToken(string Token);
