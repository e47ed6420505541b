using System.Text;
using Marsad.Core.Intake.Parsing;

namespace Marsad.Core.Tests.Intake.Parsing;

public class InputDecoderTests
{
    [Fact]
    public void Decodes_utf8_including_arabic()
    {
        var text = "Report: قصف on the bridge";
        Assert.Equal(text, InputDecoder.Decode(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decodes_utf16_with_a_bom_in_either_byte_order(bool bigEndian)
    {
        var text = "Shelling on the bridge, قصف على الجسر";
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        Assert.Equal(text, InputDecoder.Decode([.. encoding.GetPreamble(), .. encoding.GetBytes(text)]));
    }

    [Fact]
    public void Utf16_with_a_lone_surrogate_is_refused_by_name()
    {
        byte[] bytes = [0xFF, 0xFE, (byte)'a', 0, 0x00, 0xD8, (byte)'b', 0];
        Assert.Contains("not valid UTF-16", Assert.Throws<IntakeFormatException>(() => InputDecoder.Decode(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strips_bom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i'];
        Assert.Equal("hi", InputDecoder.Decode(bytes));
    }

    [Fact]
    public void Zero_bytes_is_empty_file()
    {
        var ex = Assert.Throws<IntakeFormatException>(() => InputDecoder.Decode([]));
        Assert.Equal("empty file", ex.Message);
    }

    [Fact]
    public void Only_bom_is_empty_file()
    {
        var ex = Assert.Throws<IntakeFormatException>(() => InputDecoder.Decode([0xEF, 0xBB, 0xBF]));
        Assert.Equal("empty file", ex.Message);
    }

    [Fact]
    public void Only_whitespace_and_bom_is_empty_file()
    {
        var ex = Assert.Throws<IntakeFormatException>(() => InputDecoder.Decode([0xEF, 0xBB, 0xBF, (byte)' ', (byte)'\r', (byte)'\n', (byte)'\t']));
        Assert.Equal("empty file", ex.Message);
    }

    [Fact]
    public void Nul_byte_is_binary_with_offset()
    {
        var ex = Assert.Throws<IntakeFormatException>(() => InputDecoder.Decode([(byte)'a', (byte)'b', 0, (byte)'c']));
        Assert.Equal("binary file (NUL byte at offset 2)", ex.Message);
    }

    [Fact]
    public void Nul_byte_beyond_first_8k_is_binary()
    {
        var bytes = Enumerable.Repeat((byte)'x', 10_000).ToArray();
        bytes[9_000] = 0;
        var ex = Assert.Throws<IntakeFormatException>(() => InputDecoder.Decode(bytes));
        Assert.Equal("binary file (NUL byte at offset 9000)", ex.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF, 0x62 }, 1)] // byte that never occurs in UTF-8
    [InlineData(new byte[] { 0x61, 0x62, 0x80 }, 2)] // lone continuation byte
    [InlineData(new byte[] { 0x61, 0xC0, 0x80 }, 1)] // overlong encoding of NUL
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF }, 0)] // overlong encoding of '/'
    [InlineData(new byte[] { 0x61, 0x62, 0xE2, 0x82 }, 2)] // truncated at end of input
    [InlineData(new byte[] { 0x61, 0xE2, 0x82, 0x61 }, 1)] // truncated before an ASCII byte
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0)] // encoded UTF-16 surrogate
    public void Invalid_utf8_reports_offset(byte[] bytes, int offset)
    {
        var ex = Assert.Throws<IntakeFormatException>(() => InputDecoder.Decode(bytes));
        Assert.Equal($"not valid UTF-8 (invalid byte at offset {offset})", ex.Message);
    }

    [Fact]
    public void Invalid_utf8_offset_counts_the_bom()
    {
        var ex = Assert.Throws<IntakeFormatException>(() => InputDecoder.Decode([0xEF, 0xBB, 0xBF, 0x61, 0xFE]));
        Assert.Equal("not valid UTF-8 (invalid byte at offset 4)", ex.Message);
    }
}
