using Marsad.Core.Names;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marsad.Web.Api;

/// <summary>
/// <c>/api/places/arabic</c>: the gazetteer's Arabic names for the places (by id) and admin areas (by English name) a
/// page is about to show, so the Arabic interface names them in Arabic (Core's <see cref="ArabicPlaceNames"/>).
/// Public: the gazetteer is public data and the answer says nothing about any event.
/// </summary>
internal static class PlaceNamesApi
{
    public static RouteGroupBuilder MapPlaceNames(this RouteGroupBuilder api)
    {
        api.MapGet("/places/arabic", Names).WithTags("map")
            .WithMetadata(new QueryParameters(new QueryParameter("place", "a place id (location.place_id), repeatable"), new QueryParameter("area", "an admin area's English name (location.admin1 or admin2), repeatable")))
            .WithSummary($"The gazetteer's Arabic names of places (by id) and admin areas (by English name); at most {ArabicPlaceNames.MaxAsked} of each");
        return api;
    }

    private static Ok<ArabicPlaceNames> Names(HttpContext http) =>
        TypedResults.Ok(ArabicPlaceNames.Of(http.Request.Query["place"].OfType<string>(), http.Request.Query["area"].OfType<string>()));
}
