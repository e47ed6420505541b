using System.Text.Json;

namespace Marsad.Web.Tests;

/// <summary>The OpenAPI document declares /api/events' query parameters and its export formats; each format answers.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class EventsOpenApiTests(DemoSite site)
{
    [Fact]
    public async Task The_events_listing_declares_its_filters_and_formats()
    {
        using var client = site.Client();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var events = document.RootElement.GetProperty("paths").EnumerateObject().Single(p => p.Name.TrimEnd('/') == "/api/events").Value;
        var parameters = events.GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Superset(new HashSet<string> { "from", "to", "type", "sub_type", "actor", "admin1", "admin2", "bbox", "grade", "status", "text", "updated_since", "cursor", "limit", "format" }, parameters.Keys.ToHashSet());
        Assert.All(parameters.Values, p => Assert.Equal("query", p.GetProperty("in").GetString()));
        var formats = parameters["format"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Equal(["json", "csv", "geojson", "acled", "ucdp", "hxl", "jsonl"], formats);
    }

    [Theory]
    [InlineData("ucdp", "text/csv", "id,year,active_year")]
    [InlineData("hxl", "text/csv", "#event+id")]
    [InlineData("jsonl", "application/jsonl", "{\"event\":")]
    public async Task Each_streamed_format_answers_with_its_media_type(string format, string mediaType, string start)
    {
        using var client = site.Client();
        using var response = await client.GetAsync($"/api/events?format={format}");
        response.EnsureSuccessStatusCode();
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(start, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
