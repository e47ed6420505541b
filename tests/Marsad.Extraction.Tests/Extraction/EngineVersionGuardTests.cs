using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marsad.Extraction.Output;
using Marsad.Extraction.Recognition.Actors;
using Marsad.Extraction.Tests.Geography;

namespace Marsad.Extraction.Tests.Extraction;

/// <summary>
/// Issue 14: the engine version must move whenever what the engine finds moves, or <c>marsad reextract</c> and ingest's
/// "already read by this engine" check would keep stale readings in the record. The guard reads a fixed set of texts (the
/// repository's samples and the sentences below, written for this test) and compares a hash of the contract JSON with
/// <see cref="EngineVersion.OutputHash"/>, which sits next to <see cref="EngineVersion.Current"/>. The hash depends on
/// nothing but the engine: the shipped gazetteer only (not the user's places), fixed publication dates, line endings
/// made uniform, numbers rounded past a machine's last-bit differences, and it is checked to be the same under other
/// cultures and on many threads at once.
/// </summary>
public sealed class EngineVersionGuardTests
{
    // Written for this guard: each reaches a different part of the engine (types, actors, tolls, places, dates,
    // negation, persons, claims, Arabic). None repeats a report's words.
    private static readonly string[] Sentences =
    [
        "Government artillery shelled the outskirts of Saraqib on Tuesday, killing two farmers and wounding a boy.",
        "A Russian warplane struck a poultry farm near Kafr Nabl in the southern Idlib countryside on 3 March 2021; no casualties were reported.",
        "Unknown gunmen on a motorcycle shot dead a teacher in the town of Tafas in western Daraa countryside yesterday evening.",
        "Security forces arrested three young men at a checkpoint at the entrance of Douma and took them to an unknown destination.",
        "A landmine left over from earlier fighting exploded under a shepherd in the desert east of Palmyra, killing him.",
        "Clashes between the SDF and Turkish-backed factions broke out on the frontline near Ain Issa on 14 May, leaving four fighters dead on both sides.",
        "Residents denied reports that an airstrike hit the market of Binnish; they said the blast was a gas cylinder in a bakery.",
        "The family of Khaled Y. said he was detained by Air Force Intelligence in Hama on 2 February 2022 and has not been heard of since.",
        "The ministry claimed that its forces killed 12 militants in the Badia near al-Sukhnah, a figure that could not be verified.",
        "A drone of unknown origin targeted a car on the road between Qamishli and Amuda, killing its driver and a passenger.",
        "قصفت قوات النظام بالصواريخ بلدة سرمين بريف إدلب الشرقي، ما أدى إلى مقتل طفلين وإصابة امرأة.",
        "اعتقلت دورية للأمن العسكري شاباً من أبناء مدينة الصنمين بريف درعا الشمالي واقتادته إلى جهة مجهولة.",
        "استهدفت طائرة مسيرة تركية دراجة نارية قرب قرية تل تمر بريف الحسكة، دون ورود معلومات عن خسائر بشرية.",
    ];

    private static readonly ExtractionEngine Engine = new(ShippedGazetteer.Geocoder, ActorLexicon.Default);

    /// <summary>The guard's inputs in a fixed order: each sample file (published on the date its name begins with), then each sentence.</summary>
    private static List<DocumentInput> Inputs()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples");
        var inputs = new List<DocumentInput>();
        foreach (var file in Directory.GetFiles(folder).OrderBy(Path.GetFileName, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            // A checkout may turn line feeds into CR LF; the engine's answer must not depend on how git was set up.
            var text = File.ReadAllText(file, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
            var published = DateOnly.ParseExact(name[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            inputs.Add(new DocumentInput(text, published, Id: name));
        }

        Assert.True(inputs.Count >= 8, $"expected the repository's samples beside the test assembly, found {inputs.Count} in {folder}");
        for (var i = 0; i < Sentences.Length; i++)
        {
            inputs.Add(new DocumentInput(Sentences[i], new DateOnly(2022, 6, 15), Id: string.Create(CultureInfo.InvariantCulture, $"sentence-{i:00}")));
        }

        return inputs;
    }

    /// <summary>
    /// The contract JSON of one result in a canonical form: parsed and written again with every fractional number rounded
    /// to six decimals (a confidence or a coordinate computed through Math functions may differ in its last bit between
    /// processors), so only a change in what the engine finds changes it.
    /// </summary>
    private static string Canonical(ExtractionResult result)
    {
        using var document = JsonDocument.Parse(ContractJsonWriter.ToJson(result));
        var output = new StringBuilder();
        Write(document.RootElement, output);
        return output.ToString();
    }

    private static void Write(JsonElement element, StringBuilder output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                output.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject())
                {
                    output.Append(first ? "" : ",").Append(JsonSerializer.Serialize(property.Name)).Append(':');
                    Write(property.Value, output);
                    first = false;
                }

                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    output.Append(i++ == 0 ? "" : ",");
                    Write(item, output);
                }

                output.Append(']');
                break;
            case JsonValueKind.Number:
                output.Append(element.TryGetInt64(out var whole)
                    ? whole.ToString(CultureInfo.InvariantCulture)
                    : Math.Round(element.GetDouble(), 6, MidpointRounding.ToEven).ToString("0.######", CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.String:
                // Escaped the same way everywhere (System.Text.Json's default encoder), whatever the writer chose.
                output.Append(JsonSerializer.Serialize(element.GetString()));
                break;
            default:
                output.Append(element.GetRawText());
                break;
        }
    }

    private static string Hash(IEnumerable<string> canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', canonical))));

    private static string[] ReadAll(IReadOnlyList<DocumentInput> inputs) => [.. inputs.Select(i => Canonical(Engine.Extract(i)))];

    [Fact]
    public void The_engine_output_on_the_guard_texts_matches_the_hash_recorded_with_the_engine_version()
    {
        var inputs = Inputs();
        var lines = ReadAll(inputs);
        Assert.All(lines, line => Assert.DoesNotContain("\"errors\":[\"", line, StringComparison.Ordinal));
        // The guard means something only if the texts reach the engine's rules: most of them must yield events.
        var withEvents = lines.Count(line => !line.Contains("\"events\":[]", StringComparison.Ordinal));
        Assert.True(withEvents * 4 >= lines.Length * 3, $"only {withEvents} of {lines.Length} guard texts yield an event");
        var actual = Hash(lines);

        Assert.True(actual == EngineVersion.OutputHash, $"""
            The extraction engine's output on the guard texts changed (hash {actual}, recorded {EngineVersion.OutputHash} for engine {EngineVersion.Current}).
            If the engine now finds something else, bump EngineVersion.Current (so marsad reextract and ingest read stored documents again) and set EngineVersion.OutputHash to {actual}, both in src/Marsad.Extraction/EngineVersion.cs.
            (If you only changed samples/ or this test's sentences, update the hash alone.)
            """);
    }

    [Fact]
    public void The_guard_hash_is_the_same_under_other_cultures_and_on_many_threads()
    {
        var inputs = Inputs();
        var expected = Hash(ReadAll(inputs));

        var culture = CultureInfo.CurrentCulture;
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            // Turkish (dotted and dotless i), Arabic (its own digits) and German (decimal comma).
            foreach (var name in new[] { "tr-TR", "ar-SY", "de-DE" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                Assert.Equal(expected, Hash(ReadAll(inputs)));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }

        // The same inputs read on several threads at once, each result kept in its input's place.
        var parallel = new string[inputs.Count];
        Parallel.For(0, inputs.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i % inputs.Count] = Canonical(Engine.Extract(inputs[i % inputs.Count])));
        Assert.Equal(expected, Hash(parallel));
    }
}
