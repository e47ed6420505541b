using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Marsad.Core.Intake.Parsing;

/// <summary>Turns the bytes of one input into text, refusing anything that is not strict UTF-8 text.</summary>
public static class InputDecoder
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Strict UTF-8 decoding of a whole input with the BOM stripped. Throws <see cref="IntakeFormatException"/>: "empty file", "binary file (NUL byte at offset N)", "not valid UTF-8 (invalid byte at offset N)"; offsets count from the first byte of the input.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new IntakeFormatException("empty file");
        }

        // UTF-16 (Windows "Unicode" exports) is only ever recognised by its BOM: without one, its NUL bytes say binary.
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return DecodeUtf16(bytes);
        }

        // NUL is valid UTF-8 but never occurs in text, so it is the cheapest reliable sign of a binary file.
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new IntakeFormatException(string.Create(CultureInfo.InvariantCulture, $"binary file (NUL byte at offset {nul})"));
        }

        var bomLength = bytes.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var body = bytes[bomLength..];

        // UTF-16 never needs more code units than UTF-8 has bytes.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(body.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(body, buffer, out var bytesRead, out var charsWritten, replaceInvalidSequences: false, isFinalBlock: true);
            if (status != OperationStatus.Done)
            {
                // isFinalBlock makes a truncated sequence at the end InvalidData too, so bytesRead is where the bad sequence starts.
                throw new IntakeFormatException(string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8 (invalid byte at offset {bomLength + bytesRead})"));
            }

            var text = new string(buffer, 0, charsWritten);
            if (IsBlank(text))
            {
                throw new IntakeFormatException("empty file");
            }

            return text;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes)
    {
        var bigEndian = bytes[0] == 0xFE;
        var encoding = new System.Text.UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        string text;
        try
        {
            text = encoding.GetString(bytes[2..]);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new IntakeFormatException(string.Create(CultureInfo.InvariantCulture, $"not valid UTF-16 ({(bigEndian ? "big" : "little")}-endian BOM; {ex.Message})"));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new IntakeFormatException("binary file (NUL character in UTF-16 text)");
        }

        return IsBlank(text) ? throw new IntakeFormatException("empty file") : text;
    }

    private static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            // Some tools write the BOM twice; a file of BOMs and spaces says nothing.
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }
}
