using Marsad.Extraction.Geography;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Extraction.Tests.Arabic;

/// <summary>The engine over the shipped gazetteer (its Arabic names), shared by the Arabic tests; sentences are written for these tests.</summary>
internal static class ArabicRead
{
    public static ExtractionEngine Engine { get; } = new(GazetteerGeocoder.LoadDefault(), ActorLexicon.Default);

    public static ExtractionResult Run(string text, string? published = null) =>
        Engine.Extract(new DocumentInput(text, published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)));
}
