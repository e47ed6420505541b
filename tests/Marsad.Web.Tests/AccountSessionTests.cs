using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marsad.Core.Access;

namespace Marsad.Web.Tests;

/// <summary>Sign-out, a password change, a role change, revoking and disabling end every session (a copied cookie too) and token at once.</summary>
[Collection(LeakSiteCollection.Name)]
public sealed class AccountSessionTests(LeakSite site)
{
    public static TheoryData<string> Endings => ["signout", "password", "role", "revoke", "disable"];

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task Every_session_and_token_of_the_account_ends_at_once(string ending)
    {
        var name = "sessions-" + ending;
        var store = site.Site.Store;
        await store.Accounts.SaveAsync(name, Role.Viewer, DemoSite.Password);
        var token = await store.Accounts.CreateTokenAsync(name);
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var browser = new HttpClient(handler) { BaseAddress = site.Site.BaseAddress };
        using (var signIn = Post("/api/account/signin", new { name, password = DemoSite.Password }, await AntiforgeryAsync(browser)))
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(signIn)).StatusCode);
        }

        // A stolen copy of the cookie, used from elsewhere.
        using var thief = new HttpClient { BaseAddress = site.Site.BaseAddress };
        thief.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(site.Site.BaseAddress));
        using var script = site.Site.Client(token);
        var audit = new Uri($"/api/audit/{site.Ids[0]:D}", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync(audit)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync(audit)).StatusCode);

        switch (ending)
        {
            case "signout":
                using (var signOut = Post("/api/account/signout", new { }, await AntiforgeryAsync(browser)))
                {
                    Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signOut)).StatusCode);
                }

                break;
            case "password":
                await store.Accounts.SaveAsync(name, Role.Viewer, "a new password entirely");
                break;
            case "role":
                await store.Accounts.SaveAsync(name, Role.Coder, DemoSite.Password);
                break;
            case "revoke":
                await store.Accounts.RevokeTokensAsync(name);
                break;
            default:
                await DemoSite.RunCliAsync("--db", store.Target.Value, "users", "disable", name);
                break;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync(audit)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync(audit)).StatusCode);
        if (ending == "disable")
        {
            using var fresh = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = site.Site.BaseAddress };
            using var again = Post("/api/account/signin", new { name, password = DemoSite.Password }, await AntiforgeryAsync(fresh));
            Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.SendAsync(again)).StatusCode);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_data_protection_master_key_is_readable_by_its_owner_only()
    {
        var keys = Security.KeyRingProtection.DefaultDirectory(Environment.GetEnvironmentVariable);
        var master = Path.Combine(keys, Security.KeyRingProtection.MasterKeyFile);
        Assert.True(File.Exists(master), master);
        Assert.SkipWhen(OperatingSystem.IsWindows(), "file modes are a Unix notion");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(master));
        // The key ring holds no key in the clear: each is encrypted under the master key.
        foreach (var file in Directory.GetFiles(keys, "key-*.xml"))
        {
            var xml = File.ReadAllText(file);
            Assert.Contains("marsadEncryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }
    }

    internal static async Task<string> AntiforgeryAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/account/antiforgery")).GetProperty("token").GetString()!;

    internal static HttpRequestMessage Post(string path, object body, string? antiforgery)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (antiforgery is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", antiforgery);
        }

        return request;
    }
}
