namespace Marsad.Web;

/// <summary>
/// A read-only server (<c>marsad serve --read-only</c>, in front of a replica) answers reads only. Every other method is
/// refused here, before authentication, so no route, present or future, can reach a database that would fail the
/// write halfway: sign-in, review and status changes belong to the team's own server.
/// </summary>
internal static class ReadOnlyGuard
{
    public static IApplicationBuilder UseReadOnlyGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "GET, HEAD, OPTIONS";
        await context.Response.WriteAsJsonAsync(
            new ReadOnlyProblem("read-only server", StatusCodes.Status405MethodNotAllowed, "This server publishes a read-only copy of the record; sign in, review and change records on the team's own server."),
            options: null, contentType: "application/problem+json", context.RequestAborted);
    });
}

/// <summary>The problem body a refused write gets (RFC 9457's fields).</summary>
internal sealed record ReadOnlyProblem(string Title, int Status, string Detail);
