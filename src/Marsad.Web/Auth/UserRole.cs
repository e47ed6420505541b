using System.Security.Claims;
using Marsad.Core.Access;

namespace Marsad.Web.Auth;

/// <summary>The role a request acts with: the signed-in account's, or <see cref="Role.Public"/> for anonymous visitors.</summary>
public static class UserRole
{
    public const string ClaimType = "marsad:role";

    /// <summary>"cookie" or "token": how the request authenticated, so that writes by cookie must carry an anti-forgery token.</summary>
    public const string ViaClaimType = "marsad:via";

    /// <summary>The account's security stamp when the cookie was issued: a cookie whose stamp is no longer the account's is refused.</summary>
    public const string StampClaimType = "marsad:stamp";

    public static Role Of(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && RoleNames.TryParse(user.FindFirstValue(ClaimType), out var role) ? role : Role.Public;

    public static string NameOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name ?? throw new InvalidOperationException("an anonymous request has no author");
    }

    public static ClaimsPrincipal Principal(Core.Accounts.UserAccount account, string scheme, string via)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimType, RoleNames.Name(account.Role)), new Claim(ViaClaimType, via), new Claim(StampClaimType, account.SecurityStamp)],
            scheme, ClaimTypes.Name, ClaimType);
        return new ClaimsPrincipal(identity);
    }
}
