using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Domain.Common;

namespace Marsad.Tests.Support;

/// <summary>What one leak walk did: routes and variants walked, requests sent, leaks and routes it could not walk, and the planted strings the editor saw.</summary>
public sealed record LeakWalkResult(int Routes, int Roles, int Variants, int Requests, IReadOnlyList<string> Leaks, IReadOnlyList<string> Unwalked, IReadOnlySet<string> SeenByEditor);

/// <summary>
/// The leak walk over a <see cref="LeakSite"/>: every route the OpenAPI document declares, as every role, with every
/// format and query parameter it declares (text search included), each answer looked through for the planted strings
/// the role may not read. One walk, run by the web tests (LeakWalkTests) and by the bench (<c>leak-walk</c>).
/// </summary>
public static class LeakWalk
{
    public static readonly Role[] Roles = [Role.Public, Role.Viewer, Role.Coder, Role.Editor, Role.Admin];

    /// <summary>
    /// Every planted string: the leak site's confidential source, sensitive person values and unpublished titles, and the
    /// demo site's own confidential network and sensitive detainee (whose fate, holder and alias only the public may not read).
    /// </summary>
    public static readonly string[] Planted =
        [LeakSite.Secret, .. LeakSite.PersonSecrets, .. LeakSite.UnpublishedTitles, DemoSite.ConfidentialSource, .. DemoSite.SensitivePersonValues];

    public static async Task<LeakWalkResult> RunAsync(LeakSite site, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var anonymous = site.Site.Client();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), cancellationToken));
        var clients = Roles.ToDictionary(r => r, r => r == Role.Public ? site.Site.Client() : site.Site.Client(site.Site.Tokens[r]));
        var leaks = new List<string>();
        var unwalked = new List<string>();
        var seenByEditor = new HashSet<string>(StringComparer.Ordinal);
        int routes = 0, variants = 0, requests = 0;
        // Signing out ends the account's sessions and tokens: walked last, and the tokens made anew after.
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (path, operation)))
            .OrderBy(o => o.path.Name.Contains("signout", StringComparison.Ordinal)).ToList();
        // Coverage comes from the OpenAPI document; a route the site answers that the document leaves out would escape the
        // walk, so each such route is reported as unwalked (and the test fails on it).
        var declared = operations.Select(o => $"{o.operation.Name.ToUpperInvariant()} {DemoSite.PathKey(o.path.Name)}").ToHashSet(StringComparer.Ordinal);
        unwalked.AddRange(site.Site.Routes().Where(r => !declared.Contains(r) && !r.Contains("/openapi/", StringComparison.Ordinal))
            .Select(r => $"{r}: answered by the site but not declared in the OpenAPI document, so the walk cannot reach it"));
        foreach (var (path, operation) in operations)
        {
            routes++;
            var method = operation.Name.ToUpperInvariant();
            var parameters = operation.Value.TryGetProperty("parameters", out var p) ? [.. p.EnumerateArray()] : new List<JsonElement>();
            var pathNames = parameters.Where(x => x.GetProperty("in").GetString() == "path").Select(x => x.GetProperty("name").GetString()!).ToList();
            if (pathNames.Any(n => n != "id"))
            {
                unwalked.Add($"{method} {path.Name}: no values for path parameters {string.Join(", ", pathNames)}");
                continue;
            }

            var urls = pathNames.Count == 0 ? [path.Name] : site.Ids.Select(id => path.Name.Replace("{id}", id.ToString("D"), StringComparison.Ordinal)).ToList();
            var queries = new List<string> { "" };
            foreach (var q in parameters.Where(x => x.GetProperty("in").GetString() == "query"))
            {
                var name = q.GetProperty("name").GetString()!;
                queries.AddRange(Values(q).Select(v => $"{name}={Uri.EscapeDataString(v)}"));
                if (name == "format")
                {
                    // Every format with a text search for the secret too.
                    queries.AddRange(Values(q).Select(v => $"format={v}&text={Uri.EscapeDataString(LeakSite.Secret)}"));
                }
            }

            variants += queries.Count;
            foreach (var role in Roles)
            {
                foreach (var url in urls)
                {
                    foreach (var query in queries)
                    {
                        var target = new Uri(url + (query.Length > 0 ? "?" + query : ""), UriKind.Relative);
                        using var request = new HttpRequestMessage(new HttpMethod(method), target);
                        if (method != "GET")
                        {
                            request.Content = JsonContent.Create(new { });
                        }

                        using var response = await clients[role].SendAsync(request, cancellationToken);
                        requests++;
                        var body = await response.Content.ReadAsStringAsync(cancellationToken);
                        if (role != Role.Public && response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
                        {
                            unwalked.Add($"{RoleNames.Name(role)} {method} {target}: the credentials were refused, so the role was not walked");
                        }

                        leaks.AddRange(Leaks(body, role).Select(l => $"{RoleNames.Name(role)} {method} {target}: {l}"));
                        if (role == Role.Editor)
                        {
                            seenByEditor.UnionWith(Leaks(body, Role.Public));
                        }
                    }
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        foreach (var role in Roles.Where(r => r != Role.Public))
        {
            site.Site.Tokens[role] = await site.Site.Store.Accounts.CreateTokenAsync(RoleNames.Name(role), cancellationToken);
        }

        return new LeakWalkResult(routes, Roles.Length, variants, requests, leaks, unwalked, seenByEditor);
    }

    /// <summary>
    /// The oracle script's approach (issue 14), on every GET route the OpenAPI document declares with a <c>text</c> filter:
    /// as the public, the confidential name and each of its prefixes (4 characters and longer) must answer byte for byte as
    /// 20 random strings of the same length do; so must a withheld person value and its longest word as <c>text</c>, to the
    /// public and to a viewer. Returns the routes tried, the requests made and each answer that differed.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Routes, int Requests, IReadOnlyList<string> Differing)> TextOracleAsync(LeakSite site, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var client = site.Site.Client();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), cancellationToken));
        var routes = document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(path => !path.Name.Contains('{', StringComparison.Ordinal) && path.Value.TryGetProperty("get", out var get)
                && get.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(x => x.GetProperty("name").GetString() == "text"))
            .Select(path => path.Name).Order(StringComparer.Ordinal).ToList();
        var random = new Random(14);
        var differing = new List<string>();
        var requests = 0;
        using var viewer = site.Site.Client(site.Site.Tokens[Role.Viewer]);
        // The confidential name and each of its prefixes as text=, as the public; a withheld person value and its longest
        // word as text=, as the public and as a viewer. (actor= takes only names of the fixed actor lexicon, refused with a
        // hint from that lexicon otherwise, so it answers a source's name as any unknown string, by the string alone.)
        var cases = new List<(string Parameter, string Probe, HttpClient Client, string Who)>();
        cases.AddRange(Enumerable.Range(4, LeakSite.Secret.Length - 3).Select(length => ("text", LeakSite.Secret[..length], client, "public")));
        foreach (var value in new[] { LeakSite.PersonSecrets[0], DemoSite.SensitivePersonValues[2] })
        {
            foreach (var (who, caller) in new[] { ("public", client), ("viewer", viewer) })
            {
                cases.Add(("text", value, caller, who));
                cases.Add(("text", value.Split(' ').MaxBy(w => w.Length)!, caller, who));
            }
        }

        foreach (var route in routes)
        {
            var declared = document.RootElement.GetProperty("paths").GetProperty(route).GetProperty("get").GetProperty("parameters")
                .EnumerateArray().Select(x => x.GetProperty("name").GetString()).ToHashSet(StringComparer.Ordinal);
            foreach (var (parameter, probe, caller, who) in cases.Where(c => declared.Contains(c.Parameter)))
            {
                var answer = await AnswerAsync(caller, route, parameter, probe, cancellationToken);
                requests++;
                for (var i = 0; i < 20; i++)
                {
                    var noise = new string([.. Enumerable.Range(0, probe.Length).Select(_ => (char)('a' + random.Next(26)))]);
                    requests++;
                    if (await AnswerAsync(caller, route, parameter, noise, cancellationToken) != answer)
                    {
                        differing.Add($"{who} {route}?{parameter}={probe}: answers otherwise than {parameter}={noise}");
                        break;
                    }
                }
            }
        }

        return (routes, requests, differing);
    }

    /// <summary>An answer's status and body, the value asked for written as "…" wherever the body echoes it (an error naming it, say).</summary>
    private static async Task<string> AnswerAsync(HttpClient client, string route, string parameter, string value, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri($"{route}?limit=1000&{parameter}={Uri.EscapeDataString(value)}", UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return $"{(int)response.StatusCode} {body.Replace(value, "…", StringComparison.Ordinal).Replace(Uri.EscapeDataString(value), "…", StringComparison.Ordinal)}";
    }

    /// <summary>A declared parameter's values: each allowed one, else the secret itself, a date, a number and a place.</summary>
    private static IEnumerable<string> Values(JsonElement parameter) =>
        parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Select(v => v.ToString())
            : parameter.GetProperty("name").GetString() == "bbox"
                // A box takes four numbers: the whole world and Syria, so the planted exact places lie inside both.
                ? ["-180,-90,180,90", "35.5,32.3,42.4,37.4", LeakSite.Secret]
                : [LeakSite.Secret, "Qorvash", "2023-03-01", "1000", "Idlib", "2000-01-01T00:00:00Z"];

    /// <summary>
    /// The planted strings a response holds that the role may not read: found in normal form, in raw text and in decoded
    /// JSON strings. Unpublished titles are secrets for the public only (the team reads records before they are published).
    /// </summary>
    public static IEnumerable<string> Leaks(string body, Role role)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (role.SeesConfidentialSources() && role.SeesSensitivePersonFields() && role.SeesUnpublished())
        {
            yield break;
        }

        var text = new StringBuilder(body);
        try
        {
            using var json = JsonDocument.Parse(body);
            Strings(json.RootElement, text);
        }
        catch (JsonException)
        {
            // Not JSON (CSV, Markdown, HTML, a PDF's text): the raw text is what the reader gets.
        }

        var normal = " " + NameNormaliser.Map(text.ToString()).Text + " ";
        IEnumerable<string> secrets = role.SeesConfidentialSources() ? [] : [LeakSite.Secret, DemoSite.ConfidentialSource];
        // The detainee's exact place is withheld below editor; the fate, holder and alias of a record not marked public from the public only.
        secrets = secrets.Concat(role.SeesSensitivePersonFields() ? [] : [.. LeakSite.PersonSecrets, DemoSite.SensitivePersonValues[2]]);
        secrets = secrets.Concat(role.SeesUnpublished() ? [] : [.. LeakSite.UnpublishedTitles, DemoSite.SensitivePersonValues[0], DemoSite.SensitivePersonValues[1], DemoSite.SensitivePersonValues[3]]);
        foreach (var secret in secrets)
        {
            if (normal.Contains(" " + NameNormaliser.Key(secret) + " ", StringComparison.Ordinal))
            {
                yield return secret;
            }
        }
    }

    private static void Strings(JsonElement element, StringBuilder into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.Append('\n').Append(element.GetString());
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    into.Append('\n').Append(property.Name);
                    Strings(property.Value, into);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Strings(item, into);
                }

                break;
        }
    }
}
