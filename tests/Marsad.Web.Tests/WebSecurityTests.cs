using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marsad.Core.Access;

namespace Marsad.Web.Tests;

/// <summary>Cookie sign-in with anti-forgery, the sign-in rate limit, request size limits and the security headers.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class WebSecurityTests(DemoSite site)
{
    [Fact]
    public async Task A_cookie_write_needs_the_anti_forgery_token_and_the_role()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = site.BaseAddress };
        var token = await AntiforgeryAsync(client);
        using (var signIn = Json("/api/account/signin", new { name = "viewer", password = DemoSite.Password }, token))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(signIn)).StatusCode);
        }

        var me = await client.GetFromJsonAsync<JsonElement>("/api/account/me");
        Assert.Equal("viewer", me.GetProperty("role").GetString());
        var decision = new { kind = "event", id = Guid.NewGuid(), action = "accept" };
        using (var withoutToken = Json("/api/review/decisions", decision, null))
        {
            // A viewer may not review at all: refused before anything else.
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(withoutToken)).StatusCode);
        }

        using var coderHandler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var coder = new HttpClient(coderHandler) { BaseAddress = site.BaseAddress };
        using (var signIn = Json("/api/account/signin", new { name = "coder", password = DemoSite.Password }, await AntiforgeryAsync(coder)))
        {
            Assert.Equal(HttpStatusCode.OK, (await coder.SendAsync(signIn)).StatusCode);
        }

        using (var forged = Json("/api/review/decisions", decision, null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await coder.SendAsync(forged)).StatusCode);
        }

        using (var genuine = Json("/api/review/decisions", decision, await AntiforgeryAsync(coder)))
        {
            // Past the anti-forgery check and the role: the unknown id is what fails.
            Assert.Equal(HttpStatusCode.NotFound, (await coder.SendAsync(genuine)).StatusCode);
        }
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_sign_in_is_rate_limited()
    {
        var (app, address) = await DemoSite.StartAsync(new MarsadWebOptions { Database = site.Store.Target, Urls = ["http://127.0.0.1:0"], Quiet = true, SignInsPerMinute = 3 }, site.Store);
        await using (app)
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
            using var client = new HttpClient(handler) { BaseAddress = address };
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 5; i++)
            {
                using var request = Json("/api/account/signin", new { name = "editor", password = "not the password" }, await AntiforgeryAsync(client));
                statuses.Add((await client.SendAsync(request)).StatusCode);
            }

            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        }
    }

    [Fact]
    public async Task Large_bodies_are_refused()
    {
        using var client = site.Client(site.Tokens[Role.Coder]);
        using var content = new StringContent("{\"kind\":\"event\",\"reason\":\"" + new string('x', 2_000_000) + "\"}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/review/decisions", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/events")]
    [InlineData("/event.html")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = site.Client();
        using var response = await client.GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script()
    {
        using var client = site.Client();
        foreach (var page in new[] { "/", "/event.html", "/records.html", "/review.html", "/signin.html" })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotMatch("\\son[a-z]+\\s*=", html);
        }
    }

    private static async Task<string> AntiforgeryAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/account/antiforgery")).GetProperty("token").GetString()!;

    private static HttpRequestMessage Json(string path, object body, string? antiforgery)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (antiforgery is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", antiforgery);
        }

        return request;
    }
}
