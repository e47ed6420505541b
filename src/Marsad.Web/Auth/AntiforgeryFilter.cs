using Microsoft.AspNetCore.Antiforgery;

namespace Marsad.Web.Auth;

/// <summary>
/// Writes made with the sign-in cookie must carry the anti-forgery token in a header (another site can make a
/// browser send the cookie, never the header). Bearer-token writes need none: browsers never attach tokens on their own.
/// </summary>
internal sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var viaToken = http.User.FindFirst(UserRole.ViaClaimType)?.Value == "token";
        if (!viaToken && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem("missing or invalid anti-forgery token (send the token from GET /api/account/antiforgery in the X-CSRF-TOKEN header)", statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await next(context);
    }
}
