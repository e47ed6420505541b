namespace Marsad.Extraction;

/// <summary>
/// Which rules produced an extraction. Bump it whenever a change alters what the engine finds, so that
/// <c>marsad reextract</c> knows which documents an upgrade should look at again.
/// </summary>
public static class EngineVersion
{
    public const string Current = "2026.12.07-5";

    /// <summary>
    /// The SHA-256 of the engine's contract JSON on a fixed set of texts (the repository's samples and the sentences of
    /// <c>EngineVersionGuardTests</c>), for the engine of <see cref="Current"/>. The test fails when the output moves
    /// while this stays: a change in what the engine finds must bump <see cref="Current"/> and record the new hash here.
    /// </summary>
    public const string OutputHash = "1fc061ecbcde4c89f7cf73518eba0ba302fd5ac9dd6afcb3b2f4390df58daad0";
}
