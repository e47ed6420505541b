namespace Marsad.Core.Extract;

/// <summary>
/// One line of a JSON Lines input as bytes, without its line break. <see cref="Number"/> counts from 1.
/// <see cref="TooLong"/> lines were longer than the reader's limit: their bytes were discarded, not buffered.
/// </summary>
public sealed record RawLine(long Number, byte[] Bytes, bool TooLong, long ByteCount);
