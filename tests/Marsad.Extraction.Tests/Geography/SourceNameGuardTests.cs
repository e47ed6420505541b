using System.Text.Json;
using Marsad.Extraction.Output;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Extraction.Tests.Geography;

/// <summary>
/// A source's name is never an event's place, even where the gazetteer has a village of that name ("Abu Omar" is one in
/// the shipped gazetteer). Sentences written for these tests.
/// </summary>
public sealed class SourceNameGuardTests
{
    private static readonly ExtractionEngine Engine = new(ShippedGazetteer.Geocoder, ActorLexicon.Default);

    private const string Text = "On 3 May 2021, regime shelling killed two civilians in Abu Omar, a source told the network.\n\n"
        + "Abu Omar said that the shells came from the west.";

    private static string Json(DocumentInput input) => ContractJsonWriter.ToJson(Engine.Extract(input), indented: false);

    [Fact]
    public void Without_the_name_the_gazetteer_takes_it_as_a_place()
    {
        // The premise: unguarded, the shipped gazetteer reads the name as the village.
        var result = Engine.Extract(new DocumentInput(Text, new DateOnly(2021, 5, 4)));
        Assert.Contains(result.Events, e => e.Location?.Name?.Contains("Abu Omar", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains("Abu Omar", PlaceNames(JsonDocument.Parse(Json(new DocumentInput(Text, new DateOnly(2021, 5, 4)))).RootElement), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_register_name_is_no_place_anywhere_in_the_result()
    {
        var result = Engine.Extract(new DocumentInput(Text, new DateOnly(2021, 5, 4), NotPlaces: ["Abu Omar"]));
        Assert.NotEmpty(result.Events);
        Assert.DoesNotContain(result.Events, e => e.Location?.Name?.Contains("Abu Omar", StringComparison.OrdinalIgnoreCase) == true);
        var places = JsonDocument.Parse(Json(new DocumentInput(Text, new DateOnly(2021, 5, 4), NotPlaces: ["Abu Omar"]))).RootElement;
        Assert.DoesNotContain("Abu Omar", PlaceNames(places), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_documents_own_source_is_no_place_and_variants_of_a_name_match()
    {
        Assert.DoesNotContain("Abu Omar", PlaceNames(JsonDocument.Parse(Json(new DocumentInput(Text, new DateOnly(2021, 5, 4), Source: "ABU\u00a0OMAR."))).RootElement),
            StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Other_places_are_still_found_and_a_name_inside_a_longer_word_is_not_matched()
    {
        const string text = "On 3 May 2021, regime shelling killed two civilians in Binnish in Idleb, Abu Omar said.";
        var result = Engine.Extract(new DocumentInput(text, new DateOnly(2021, 5, 4), NotPlaces: ["Abu Omar", "Binn"]));
        var e = Assert.Single(result.Events);
        Assert.Equal("Binnish", e.Location!.Name);
    }

    // Every "name" under a "places"/"location" object of the contract JSON.
    private static List<string> PlaceNames(JsonElement root)
    {
        var names = new List<string>();
        Walk(root, inPlace: false);
        return names;

        void Walk(JsonElement e, bool inPlace)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        if (inPlace && p.Name is "name" or "location_name" && p.Value.ValueKind == JsonValueKind.String)
                        {
                            names.Add(p.Value.GetString()!);
                        }

                        Walk(p.Value, inPlace || p.Name.Contains("place", StringComparison.Ordinal) || p.Name.Contains("location", StringComparison.Ordinal));
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var x in e.EnumerateArray())
                    {
                        Walk(x, inPlace);
                    }

                    break;
                case JsonValueKind.String when inPlace:
                    names.Add(e.GetString()!);
                    break;
            }
        }
    }
}
