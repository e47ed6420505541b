using Marsad.Core.Reports;

namespace Marsad.Core.Tests.Reports;

/// <summary>Arabic runs isolated in English report lines: brackets and Latin names around them keep their places.</summary>
public class ArabicRunsTests
{
    [Fact]
    public void Markdown_isolates_each_arabic_phrase_between_fsi_and_pdi()
    {
        var text = ArabicRuns.IsolatePlain("1 shelling by Military Forces of Syria (2000-) (قوات النظام); at Kafr Nobol (كفرنبل، إدلب) (Idleb).", t => t);
        Assert.Equal("1 shelling by Military Forces of Syria (2000-) (\u2068قوات النظام\u2069); at Kafr Nobol (\u2068كفرنبل، إدلب\u2069) (Idleb).", text);
    }

    [Fact]
    public void Text_without_arabic_is_only_escaped()
    {
        Assert.Equal("a &lt;b&gt; (2000-)", ArabicRuns.IsolatePlain("a <b> (2000-)", t => t.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)));
        Assert.Equal("", ArabicRuns.IsolatePlain(null, t => t));
    }

    [Fact]
    public void Html_wraps_each_run_in_its_own_escaped_element()
    {
        var html = ArabicRuns.Isolate("“<عنوان> تقرير” (document 1)", System.Net.WebUtility.HtmlEncode, r => "[" + System.Net.WebUtility.HtmlEncode(r) + "]");
        Assert.Equal("“&lt;[عنوان]&gt; [تقرير]” (document 1)", html);
    }
}
