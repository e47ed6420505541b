namespace Marsad.Extraction;

/// <summary>
/// Which rules produced an extraction. Bump it whenever a change alters what the engine finds, so that
/// <c>marsad reextract</c> knows which documents an upgrade should look at again.
/// </summary>
public static class EngineVersion
{
    public const string Current = "2026.12.06-1";
}
