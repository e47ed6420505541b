using System.Globalization;

namespace Marsad.Bench.Extraction.Reports;

/// <summary>The reference scorer's figures for a folder of reports, and the same for each file.</summary>
public sealed record ReportScore(
    int Gold, int Predicted, int Matched, int Errors, int Dated, int WithFatalities, int GoldClaims, int GoldChecks,
    IReadOnlyDictionary<string, double> Figures, IReadOnlyList<string> FileLines)
{
    /// <summary>The figure names in the order <c>score_reports.py</c> prints them.</summary>
    public static readonly string[] Names =
        ["recall", "precision", "f1", "date", "fatalities", "actor", "claims", "checks", "as_proposed", "persons", "predicted_claims", "false_checks", "invented_dates"];

    private static readonly HashSet<string> Counts = ["predicted_claims", "false_checks", "invented_dates"];

    public double this[string name] => Figures[name];

    /// <summary>The scorer's three closing lines; <paramref name="mins"/> and the two flags as its <c>--min</c>, <c>--no-false-checks</c>, <c>--no-invented-dates</c>.</summary>
    public (string Text, bool Ok) Summary(IReadOnlyDictionary<string, double> mins, bool noFalseChecks, bool noInventedDates)
    {
        var short_ = mins.Where(m => Figures[m.Key] < m.Value).Select(m => F($"{m.Key} {Figures[m.Key]:F3}<{m.Value}")).ToList();
        if (Errors > 0)
        {
            short_.Add(F($"{Errors} texts gave no readable JSON"));
        }

        if (noFalseChecks && Figures["false_checks"] > 0)
        {
            short_.Add(F($"{Figures["false_checks"]} figure checks the gold does not have"));
        }

        if (noInventedDates && Figures["invented_dates"] > 0)
        {
            short_.Add(F($"{Figures["invented_dates"]} events dated before the conflict without the text saying so"));
        }

        var values = string.Join(' ', Names.Select(n => Counts.Contains(n) ? F($"{n}={Figures[n]}") : F($"{n}={Figures[n]:F3}")));
        var text = F($"gold events {Gold}, predicted {Predicted}, matched {Matched}; unreadable outputs {Errors}\n")
            + F($"dated {Dated}, with fatalities {WithFatalities}, claims {GoldClaims}, checks {GoldChecks}\n")
            + (short_.Count > 0 ? "FAIL " + string.Join("; ", short_) + " | " : "OK ") + values;
        return (text, short_.Count == 0);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Counts gathered file by file.</summary>
    internal sealed class Builder
    {
        private readonly List<string> lines = [];

        public string File { get; init; } = string.Empty;

        public int Gold { get; set; }

        public int Predicted { get; set; }

        public int Matched { get; set; }

        public int UsedPredictions { get; set; }

        public int AsProposed { get; set; }

        public int Errors { get; set; }

        public int Invented { get; set; }

        public int ChecksGold { get; set; }

        public int ChecksFound { get; set; }

        public int FalseChecks { get; set; }

        public int PredictedClaims { get; set; }

        public List<bool> Dates { get; } = [];

        public List<bool> Fatalities { get; } = [];

        public List<bool> Actors { get; } = [];

        public List<bool> Claims { get; } = [];

        public List<bool> Persons { get; } = [];

        public List<string> Notes { get; } = [];

        public void Add(Builder f)
        {
            lines.Add(F($"{f.File,-12} gold {f.Gold,3} predicted {f.Predicted,3} matched {f.Matched,3} right proposals {f.UsedPredictions,3}")
                + F($" | date {f.Dates.Count(x => x)}/{f.Dates.Count} fatalities {f.Fatalities.Count(x => x)}/{f.Fatalities.Count} actors {f.Actors.Count(x => x)}/{f.Actors.Count}")
                + F($" | claims {f.Claims.Count(x => x)}/{f.Claims.Count} persons {f.Persons.Count(x => x)}/{f.Persons.Count} checks {f.ChecksFound}/{f.ChecksGold} false {f.FalseChecks} invented {f.Invented}")
                + (f.Errors > 0 ? " UNREADABLE" : string.Empty));
            lines.AddRange(f.Notes.Where(n => n.Length > 0));
            Gold += f.Gold;
            Predicted += f.Predicted;
            Matched += f.Matched;
            UsedPredictions += f.UsedPredictions;
            AsProposed += f.AsProposed;
            Errors += f.Errors;
            Invented += f.Invented;
            ChecksGold += f.ChecksGold;
            ChecksFound += f.ChecksFound;
            FalseChecks += f.FalseChecks;
            PredictedClaims += f.PredictedClaims;
            Dates.AddRange(f.Dates);
            Fatalities.AddRange(f.Fatalities);
            Actors.AddRange(f.Actors);
            Claims.AddRange(f.Claims);
            Persons.AddRange(f.Persons);
        }

        public ReportScore Build()
        {
            static double Share(List<bool> xs) => (double)xs.Count(x => x) / Math.Max(1, xs.Count);
            var recall = Gold > 0 ? (double)Matched / Gold : 0;
            var precision = Predicted > 0 ? (double)UsedPredictions / Predicted : 0;
            var figures = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["recall"] = recall,
                ["precision"] = precision,
                ["f1"] = recall + precision > 0 ? 2 * recall * precision / (recall + precision) : 0,
                ["date"] = Share(Dates),
                ["fatalities"] = Share(Fatalities),
                ["actor"] = Share(Actors),
                ["claims"] = Share(Claims),
                ["checks"] = (double)ChecksFound / Math.Max(1, ChecksGold),
                ["as_proposed"] = (double)AsProposed / Math.Max(1, Gold),
                ["persons"] = Share(Persons),
                ["predicted_claims"] = PredictedClaims,
                ["false_checks"] = FalseChecks,
                ["invented_dates"] = Invented,
            };
            return new ReportScore(Gold, Predicted, Matched, Errors, Dates.Count, Fatalities.Count, Claims.Count, ChecksGold, figures, lines);
        }
    }
}
