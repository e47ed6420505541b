using Marsad.Extraction;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;

namespace Marsad.Bench.Extraction;

/// <summary>
/// The throughput yardstick: Microsoft.Recognizers.Text's English date-time and number models (each built once,
/// as a long-running service would) run over the same notes, each note with its own reference date. They only find
/// dates and numbers; Marsad's whole pipeline does much more on the same text.
/// </summary>
internal sealed class RecognizersBaseline
{
    private readonly DateTimeModel dates = new DateTimeRecognizer(Culture.English).GetDateTimeModel();
    private readonly IModel numbers = new NumberRecognizer(Culture.English).GetNumberModel();

    /// <summary>Runs both models over every document; returns how many dates and numbers they found.</summary>
    public (int Dates, int Numbers) Run(IEnumerable<DocumentInput> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var (d, n) = (0, 0);
        foreach (var doc in docs)
        {
            var reference = (doc.Published ?? new DateOnly(2020, 1, 1)).ToDateTime(TimeOnly.MinValue);
            d += dates.Parse(doc.Text, reference).Count;
            n += numbers.Parse(doc.Text).Count;
        }

        return (d, n);
    }
}
