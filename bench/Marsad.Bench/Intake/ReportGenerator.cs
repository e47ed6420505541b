using System.Globalization;
using System.Text;

namespace Marsad.Bench.Intake;

/// <summary>
/// Deterministic synthetic reports of a given size: observatory-like sentences recombined from
/// fixed word lists with a seeded generator, so every run ingests the same bytes.
/// </summary>
internal static class ReportGenerator
{
    private static readonly string[] Places = ["Hajin", "al-Shuhayl", "Tal Tamr", "Ariha", "Kansafra", "al-Mayadin", "Tafas", "Ain Issa", "Tabqa", "Manbij"];
    private static readonly string[] Actors = ["regime forces", "the SDF", "ISIS cells", "Turkish-backed factions", "unknown gunmen", "the International Coalition"];
    private static readonly string[] Verbs = ["shelled", "raided", "clashed with fighters near", "carried out arrests in", "sent reinforcements to", "struck positions near"];

    public static string Report(int index, int size)
    {
        var random = new Random(index);
        var text = new StringBuilder(size + 200);
        text.Append(CultureInfo.InvariantCulture, $"---\ntitle: Generated report {index}\npublished: 2023-{random.Next(1, 13):00}-{random.Next(1, 29):00}\nsource: Bench Observatory\n---\n\n");
        while (text.Length < size)
        {
            text.Append(CultureInfo.InvariantCulture, $"On day {random.Next(1, 29)}, {Actors[random.Next(Actors.Length)]} {Verbs[random.Next(Verbs.Length)]} {Places[random.Next(Places.Length)]}, ");
            text.Append(CultureInfo.InvariantCulture, $"and {random.Next(0, 40)} people were reported killed or injured (report {index}).");
            text.Append(random.Next(4) == 0 ? "\n\n" : " ");
        }

        return text.ToString();
    }
}
