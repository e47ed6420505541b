using Marsad.Core.Intake.Parsing;

namespace Marsad.Core.Tests.Intake.Parsing;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("a\r\nb\rc\nd", "a\nb\nc\nd")]
    [InlineData("a\u2028b\u0085c", "a\nb\nc")]
    [InlineData("a\u2029b", "a\n\nb")]
    public void Line_breaks_become_lf(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("a\t\tb", "a b")]
    [InlineData("a \u00A0 \u2003b", "a b")]
    [InlineData("   indented   line", "indented line")]
    public void Horizontal_whitespace_runs_become_one_space(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Trailing_whitespace_is_trimmed_from_every_line() =>
        Assert.Equal("one\ntwo\nthree", TextNormalizer.Normalize("one  \ntwo\t\nthree \u00A0"));

    [Fact]
    public void Blank_line_runs_collapse_to_one_blank_line() =>
        Assert.Equal("a\n\nb\n\nc", TextNormalizer.Normalize("a\n\n\n\nb\n \n\t\n\nc"));

    [Fact]
    public void Single_blank_line_is_kept() => Assert.Equal("a\n\nb", TextNormalizer.Normalize("a\n\nb"));

    [Fact]
    public void Zero_width_and_control_characters_are_removed() =>
        Assert.Equal("abcdef gh", TextNormalizer.Normalize("a\u200Bb\u200Cc\u200Dd\uFEFFe\u0007f \u202Bg\u202Ch\u0000"));

    [Fact]
    public void Whole_text_is_trimmed() => Assert.Equal("body", TextNormalizer.Normalize("\n\n  \t body \n\n\n"));

    [Fact]
    public void Lone_surrogate_becomes_replacement_character() => Assert.Equal("a\uFFFDb", TextNormalizer.Normalize("a\uD800b"));

    [Fact]
    public void Composes_to_nfc()
    {
        Assert.Equal("\u00E9t\u00E9", TextNormalizer.Normalize("e\u0301te\u0301"));
        Assert.Equal("\u0622", TextNormalizer.Normalize("\u0627\u0653"));
    }

    [Fact]
    public void Composes_across_a_removed_zero_width_character() =>
        Assert.Equal("\u00E9", TextNormalizer.Normalize("e\u200B\u0301"));

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("  Title\r\n\r\n\r\n\tBody  text \u200B here.\n\n\n\n- item\t1  \r")]
    [InlineData("\u2029\u2029x\u2028\u2028y\u00A0\u00A0\n \n \nz")]
    [InlineData("e\u200B\u0301 \u0627\u200C\u0653 \uD83D\uDE00 \uD800")]
    [InlineData("a\v\fb\u0085\u0085\u0085c")]
    public void Is_idempotent(string input)
    {
        var once = TextNormalizer.Normalize(input);
        Assert.Equal(once, TextNormalizer.Normalize(once));
    }
}
