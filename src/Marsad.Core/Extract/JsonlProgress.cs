namespace Marsad.Core.Extract;

/// <summary>How far a JSON Lines run has got: records written (in input order), how many had errors, input bytes they held.</summary>
public readonly record struct JsonlProgress(long Records, long WithErrors, long Bytes);
