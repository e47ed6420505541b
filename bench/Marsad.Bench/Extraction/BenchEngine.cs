using Marsad.Extraction;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Bench.Extraction;

/// <summary>The engine as <c>marsad extract</c> builds it: the shipped gazetteer and the actor lexicon, so the benchmarks measure what users run.</summary>
internal static class BenchEngine
{
    public static ExtractionEngine Create() => new(GazetteerGeocoder.LoadDefault(), ActorLexicon.Default);
}
