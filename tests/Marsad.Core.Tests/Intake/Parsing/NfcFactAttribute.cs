namespace Marsad.Core.Tests.Intake.Parsing;

/// <summary>A fact that is skipped, visibly, when the runtime cannot compose Unicode (InvariantGlobalization makes string.Normalize a no-op).</summary>
public sealed class NfcFactAttribute : FactAttribute
{
    public NfcFactAttribute()
    {
        if ("e\u0301".Normalize() == "e\u0301")
        {
            Skip = "Unicode normalization is unavailable: the process runs with InvariantGlobalization=true";
        }
    }
}
