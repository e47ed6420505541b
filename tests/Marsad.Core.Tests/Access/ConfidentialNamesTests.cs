using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Domain.Common;

namespace Marsad.Core.Tests.Access;

public sealed class ConfidentialNamesTests
{
    private static readonly ConfidentialNames Names = new(["Abu Omar Network"]);

    [Theory]
    [InlineData("a single source: Abu Omar Network")]
    [InlineData("reported by abu omar network.")]
    [InlineData("reported by Abu Omar\n\nNetwork today")]
    [InlineData("reported by Abu\u00A0Omar Network")]
    [InlineData("reported by Abu Omar Net\u00ADwork")]
    [InlineData("reported by Ａｂｕ Ｏｍａｒ Network")]
    [InlineData("reported by Abū ʿOmar - Network")]
    public void A_confidential_name_is_redacted_whatever_its_spelling(string text)
    {
        var scrubbed = Names.Scrub(text);
        Assert.Contains(RoleRules.ConfidentialSourceName, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("Network", scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("work", scrubbed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Words_that_only_contain_the_name_are_left_alone()
    {
        Assert.Equal("the Abu Omar Networks office", Names.Scrub("the Abu Omar Networks office"));
        Assert.Equal("Abu Omar said", Names.Scrub("Abu Omar said"));
    }

    [Fact]
    public void Json_is_redacted_value_by_value_after_its_escapes_are_decoded()
    {
        var json = "{\"grade_reason\":\"a single source: Abu Omar\\n\\nNetwork\",\"n\":3}";
        var scrubbed = Names.ScrubJson(json);
        Assert.Equal("{\"grade_reason\":\"a single source: confidential source\",\"n\":3}", scrubbed);
    }

    [Fact]
    public void Evidence_offsets_move_with_the_redaction()
    {
        const string text = "Abu Omar Network said shelling hit Kafr Nabl at dawn.";
        var redaction = Names.Redact(text);
        var start = text.IndexOf("Kafr Nabl", StringComparison.Ordinal);
        var (from, to) = (redaction.Map(start), redaction.MapEnd(start + "Kafr Nabl".Length));
        Assert.Equal("Kafr Nabl", redaction.Text[from..to]);
        Assert.Equal(RoleRules.ConfidentialSourceName, redaction.Text[redaction.Map(0)..redaction.MapEnd("Abu Omar Network".Length)]);
    }

    [Fact]
    public void Source_names_compare_in_normal_form()
    {
        Assert.Equal(NameNormaliser.Key("Abu Omar Network"), NameNormaliser.Key(" abu\u00A0OMAR\nnetwork. "));
        Assert.NotEqual(NameNormaliser.Key("Abu Omar Network"), NameNormaliser.Key("Abu Omar Networks"));
    }
}
