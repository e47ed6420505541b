using Marsad.Extraction;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Cli.Output;

/// <summary>The extraction engine every command uses: the shipped gazetteer plus the places this team imported, and the actor lexicon.</summary>
internal static class Engines
{
    public static ExtractionEngine Create() => new(GazetteerGeocoder.LoadDefault(), ActorLexicon.Default);
}
