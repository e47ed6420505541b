using System.Globalization;
using Marsad.Extraction;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Cli.Output;

/// <summary>The extraction engine every command uses: the shipped gazetteer plus the places this team imported, and the actor lexicon.</summary>
internal static class Engines
{
    /// <summary>Overrides the work budget per document, in steps (a positive whole number); unset, the engine's default.</summary>
    public const string StepBudgetVariable = "MARSAD_STEP_BUDGET";

    public static ExtractionEngine Create() => new(GazetteerGeocoder.LoadDefault(), ActorLexicon.Default)
    {
        StepBudget = long.TryParse(Environment.GetEnvironmentVariable(StepBudgetVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var steps) && steps > 0
            ? steps
            : ExtractionEngine.DefaultStepBudget,
    };
}
