namespace Marsad.Extraction.Tests.Extraction;

/// <summary>One shared engine (it is immutable) and a helper to run it on a sentence written for these tests.</summary>
internal static class Extract
{
    public static ExtractionEngine Engine { get; } = new();

    public static ExtractionResult Run(string text, string published = "2021-01-23") =>
        Engine.Extract(new DocumentInput(text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)));
}
