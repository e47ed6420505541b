using Marsad.Bench.Extraction.Reports;
using Marsad.Core.Extract;
using Marsad.Extraction;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Output;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Core.Tests.Extract;

/// <summary>
/// The 30 real dev reports (../shared/reports-dev) read as <c>marsad extract</c> reads a file and scored as
/// score_reports.py scores them: the figures reached must not fall. Skipped when ../shared is absent.
/// </summary>
public class ReportsDevScoreTests
{
    [Fact]
    public void The_dev_reports_keep_their_figures()
    {
        var folder = SharedData.Require("reports-dev");
        var engine = new ExtractionEngine(GazetteerGeocoder.LoadDefault(), ActorLexicon.Default);
        var score = new ReportScorer((path, published) =>
        {
            var results = FileExtraction.ExtractAsync(engine, path, published, "SOHR", CancellationToken.None).GetAwaiter().GetResult();
            return results.Count == 1 ? ContractJsonWriter.ToJson(results[0]) : null;
        }).Score(folder);

        Assert.True(score["f1"] >= 0.71, $"f1 {score["f1"]:F3}");
        Assert.True(score["recall"] >= 0.75, $"recall {score["recall"]:F3}");
        Assert.True(score["claims"] >= 0.83, $"claims {score["claims"]:F3}");
        Assert.True(score["persons"] >= 0.85, $"persons {score["persons"]:F3}");
        Assert.True(score["actor"] >= 0.77, $"actor {score["actor"]:F3}");
        Assert.Equal(0, score["invented_dates"]);
    }
}
