using System.Text;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

/// <summary>
/// An Arabic report (written for this test) through ingest, review and out again: every export format keeps the Arabic
/// as UTF-8 (not \u escapes, not '?'), and the reports show the Arabic names beside the canonical ones, each Arabic run
/// isolated (FSI…PDI in Markdown, &lt;bdi&gt; in HTML) so the canonical names' brackets keep their order.
/// </summary>
public sealed class ArabicExportTests
{
    private const string Report = "---\ntitle: قصف على بلدة في ريف إدلب\npublished: 2023-05-10\nsource: شبكة اختبار\n---\n" +
        "قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل بريف إدلب الجنوبي أمس، ما أدى لمقتل 3 مدنيين.\n";

    [Fact]
    public async Task Arabic_stays_utf8_in_every_export_and_reports_show_both_names_isolated()
    {
        using var folder = new TempFolder();
        folder.Write("ar.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "ar.md", "--db", "m.db")).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "review", "--accept-all", "--db", "m.db")).ExitCode);

        foreach (var format in new[] { "json", "csv", "geojson", "jsonl", "acled", "hxl" })
        {
            var run = await MarsadProcess.RunAsync(folder.Path, "events", "--format", format, "--db", "m.db");
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Contains("كفرنبل", run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u0643", run.Stdout, StringComparison.OrdinalIgnoreCase);
        }

        var md = await MarsadProcess.RunAsync(folder.Path, "report", "--month", "2023-05", "--format", "md", "--role", "editor", "--db", "m.db");
        Assert.True(md.ExitCode == 0, md.Stderr);
        // The gazetteer's name with the report's beside it, and the actor's Arabic name beside its canonical one.
        Assert.Contains("Kafr Nobol (\u2068كفرنبل\u2069)", md.Stdout, StringComparison.Ordinal);
        Assert.Contains("Military Forces of Syria (2000-) (\u2068قوات النظام\u2069)", md.Stdout, StringComparison.Ordinal);
        Assert.Contains("\u2068قصف على بلدة في ريف إدلب\u2069", md.Stdout, StringComparison.Ordinal);

        var html = await MarsadProcess.RunAsync(folder.Path, "report", "--month", "2023-05", "--format", "html", "-o", "r.html", "--role", "editor", "--db", "m.db");
        Assert.True(html.ExitCode == 0, html.Stderr);
        var page = File.ReadAllText(folder.File("r.html"), Encoding.UTF8);
        Assert.Contains("Kafr Nobol (<bdi dir=\"rtl\" lang=\"ar\">كفرنبل</bdi>)", page, StringComparison.Ordinal);
        Assert.Contains("<bdi dir=\"rtl\" lang=\"ar\">قوات النظام</bdi>", page, StringComparison.Ordinal);
    }
}
