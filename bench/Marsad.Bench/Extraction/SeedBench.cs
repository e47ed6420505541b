using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;
using Marsad.Extraction;
using Marsad.Extraction.Output;

namespace Marsad.Bench.Extraction;

/// <summary>
/// The seed report's checklist (seed/coalition-76th-month.expected.md): each fact is one line, PASS or FAIL,
/// read from the extraction of seed/coalition-76th-month.txt published 2021-01-23. Fails loudly when the seed is missing.
/// </summary>
internal static class SeedBench
{
    public static int Run(string[] args)
    {
        var text = File.ReadAllText(SharedData.PathOf("seed", "coalition-76th-month.txt"));
        var r = BenchEngine.Create().Extract(new DocumentInput(text, new DateOnly(2021, 1, 23), "SOHR"));
        if (args.Contains("--json"))
        {
            Console.WriteLine(ContractJsonWriter.ToJson(r, indented: true));
        }

        const string coalition = "Global Coalition Against Daesh";
        var checks = new List<(string Fact, bool Ok)>();
        void Check(string fact, bool ok) => checks.Add((fact, ok));
        ConflictEvent? Find(AcledSubEventType t, string? tag = null) => r.Events.FirstOrDefault(e => e.SubEventType == t && (tag is null || e.Tags.Contains(tag)));
        int? Q(ConflictEvent? e, string name, Func<Quantity, int?> f) => e is not null && e.Quantities.TryGetValue(name, out var q) ? f(q) : null;

        Check("cleaning: title bar, 'You might also like' and the cookie banner are gone", !r.CleanText.Contains("• The Syrian Observatory", StringComparison.Ordinal)
            && !r.CleanText.Contains("You might also like", StringComparison.Ordinal) && !r.CleanText.Contains("uses cookies", StringComparison.Ordinal));
        Check("at most 15 events", r.Events.Length <= 15);

        var e1 = Find(AcledSubEventType.ChangeToGroupActivity, "convoy");
        DateOnly[] batches = [new(2020, 12, 23), new(2021, 1, 4), new(2021, 1, 7), new(2021, 1, 10), new(2021, 1, 16), new(2021, 1, 19), new(2021, 1, 20)];
        Check("E1 convoys: Change to group/activity, tag convoy", e1 is not null);
        Check("E1 actor International Coalition", e1?.Actor1 == coalition);
        Check("E1 vehicles 240", Q(e1, Quantities.Names.Vehicles, q => q.Best) == 240);
        Check("E1 seven batch dates 2020-12-23 .. 2021-01-20", e1?.Aggregate is { } a1 && a1.Dates.SequenceEqual(batches) && a1.Incidents == 7);
        Check("E1 destinations include Tel Baydar, Rmilan, Koniko, Al-Omar", e1?.Aggregate is { } a1b && new[] { "Baydar", "Rmilan", "Koniko", "Omar" }.All(n => a1b.Places.Any(p => p.Name?.Contains(n, StringComparison.OrdinalIgnoreCase) == true)));

        var e2 = Find(AcledSubEventType.Arrests);
        Check("E2 joint operations: Arrests, tag joint operation", e2 is not null && e2.Tags.Contains("joint operation"));
        Check("E2 Coalition with SDF", e2?.Actor1 == coalition && e2.AssocActor1.Contains("QSD: Syrian Democratic Forces"));
        Check("E2 arrested 52, operations 7", Q(e2, Quantities.Names.Arrested, q => q.Best) == 52 && Q(e2, Quantities.Names.Operations, q => q.Best) == 7);
        Check("E2 aggregate of 7 incidents over Al-Falaha, al-Shuhayl, Zar, Abu al-Nitel, Abreeha, Al-Baghuz", e2?.Aggregate is { Incidents: 7 } a2
            && new[] { "Falaha", "Shuhayl", "Zar", "Nitel", "Abreeha", "Baghuz" }.All(n => a2.Places.Any(p => p.Name?.Contains(n, StringComparison.OrdinalIgnoreCase) == true)));
        Check("E2 dated to the period (precision 3)", e2?.Date.Precision == TimePrecision.Month);

        var e3 = Find(AcledSubEventType.AirDroneStrike);
        Check("E3 airstrike: Air/drone strike", e3 is not null);
        Check("E3 Coalition vs Islamic State", e3?.Actor1 == coalition && e3.Actor2 == "Islamic State (Syria)");
        Check("E3 fatalities 3", Q(e3, Quantities.Names.Fatalities, q => q.Low) == 3 && Q(e3, Quantities.Names.Fatalities, q => q.Best) == 3);
        Check("E3 at Sohat Al-Bufirio, Deir ez-Zor desert", e3?.Location?.Name?.Contains("Bufirio", StringComparison.Ordinal) == true);
        Check("E3 dated to the period (precision 3)", e3?.Date.Precision == TimePrecision.Month);

        var e4 = Find(AcledSubEventType.Other, "exercise");
        Check("E4 exercise: Other, tag exercise", e4 is not null);
        Check("E4 on 2021-01-15 (precision 1)", e4?.Date == DateSpan.OnDay(new DateOnly(2021, 1, 15)));
        Check("E4 Coalition and SDF", e4?.Actor1 == coalition && e4.AssocActor1.Contains("QSD: Syrian Democratic Forces"));
        Check("E4 near the Koniko gas field (precision 2)", e4?.Location is { } l4 && l4.Name?.Contains("Koniko", StringComparison.OrdinalIgnoreCase) == true && l4.Precision == GeoPrecision.NearPlace);

        var e5 = Find(AcledSubEventType.Other, "prisoner transfer");
        Check("E5 prisoner transfers: Other, tag prisoner transfer", e5 is not null);
        Check("E5 Coalition", e5?.Actor1 == coalition);
        Check("E5 prisoners at most 10 (high 10, no low)", Q(e5, Quantities.Names.Prisoners, q => q.High) == 10 && Q(e5, Quantities.Names.Prisoners, q => q.Low) is null);
        // Al-Tanf is the place of the claim the report calls false ("not to Al-Tanaf base as regime media claimed"), never the transfer's.
        Check("E5 not at al-Tanf", e5 is not null && e5.Location?.Name?.Contains("Tan", StringComparison.OrdinalIgnoreCase) != true);

        var c1 = r.Claims.FirstOrDefault();
        Check("C1 claim by regime media", c1?.Claimant.Contains("regime media", StringComparison.OrdinalIgnoreCase) == true);
        Check("C1 about nearly 60 prisoners to al-Tanf", c1?.Statement.Contains("60", StringComparison.Ordinal) == true && c1.Statement.Contains("Tanaf", StringComparison.Ordinal));
        Check("C1 verdict false, dated 2021-01-05", c1?.Verdict == Verdict.False && c1.Date == new DateOnly(2021, 1, 5));
        Check("C1 claimed transfer is not an event", !r.Events.Any(e => e.Quantities.TryGetValue(Quantities.Names.Prisoners, out var p) && p.Best == 60));

        foreach (var name in new[] { "Dall'Oglio", "John Ibrahim", "Paul Yaziji", "Abdullah al-Khalil", "British journalist", "Sky News journalist" })
        {
            Check($"person {name}: missing", r.Persons.Any(p => p.Name.Contains(name, StringComparison.Ordinal) && p.Status == PersonStatus.Missing));
        }

        Check("group: hundreds of abductees from Kobani, Afrin, Deir ez-Zor", r.Persons.Any(p => p.GroupSize?.Low == 100 && p.Name.Contains("Afrin", StringComparison.Ordinal) && p.Name.Contains("Kobani", StringComparison.Ordinal)));
        Check("group: thousands of abductees", r.Persons.Any(p => p.GroupSize?.Low == 1000));
        Check("abductees held by Islamic State", r.Persons.Any(p => p.HeldBy == "Islamic State (Syria)"));

        var a = r.Allegations.FirstOrDefault();
        Check("A1 massacre alleged against the Coalition", a?.Kind == "massacre" && a.AllegedPerpetrator == coalition);
        Check("A1 on 2019-03-21 at al-Baghouz camp", a?.Date?.Start == new DateOnly(2019, 3, 21) && a.Location?.Name?.Contains("Baghouz", StringComparison.Ordinal) == true);
        Check("A1 fatalities 200", a is not null && a.Quantities.TryGetValue(Quantities.Names.Fatalities, out var af) && af.Best == 200);
        Check("A1 investigation requested, unanswered", a?.Status == InvestigationStatus.InvestigationRequested && a.History[^1].Note is not null);

        Check("check: headline 250 trucks against body 240", r.Checks.Any(c => c.Kind == "figure_mismatch" && c.Message.Contains("250", StringComparison.Ordinal) && c.Message.Contains("240", StringComparison.Ordinal)));
        Check("no check: 55 = 52 arrested + 3 killed", !r.Checks.Any(c => c.Message.Contains("55", StringComparison.Ordinal)));
        Check("commentary yields nothing (no Turkish, oil or displacement event)", !r.Events.Any(e => e.Actor1 == "Military Forces of Turkey (2016-)" || e.Quantities.ContainsKey(Quantities.Names.Displaced)));

        foreach (var (fact, ok) in checks)
        {
            Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {fact}");
        }

        Console.WriteLine($"seed: {checks.Count(c => c.Ok)}/{checks.Count} facts; {r.Events.Length} events, {r.Claims.Length} claims, {r.Persons.Length} persons, {r.Allegations.Length} allegations, {r.Checks.Length} checks");
        return checks.All(c => c.Ok) ? 0 : 1;
    }
}
