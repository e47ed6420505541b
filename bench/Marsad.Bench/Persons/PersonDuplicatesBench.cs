using System.Diagnostics;
using System.Globalization;
using Marsad.Core.Registers.Persons;

namespace Marsad.Bench.Persons;

/// <summary>
/// Pairwise precision and recall of person duplicate proposals on a generated list (default 5,000 people): a true
/// pair is two records of one generated person, a found pair is a proposal. Seed 1 (dev) is what the rules and the
/// threshold were tuned on; seed 2 (test) is the result. Also prints how many pairs were scored (blocking).
/// </summary>
internal static class PersonDuplicatesBench
{
    public static Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var records = options.Int("--records", 5000);
        var threshold = options.String("--threshold") is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : PersonDuplicateFinder.DefaultThreshold;
        var explain = options.Int("--explain", 0);
        Console.WriteLine($"persons-duplicates: {records} generated people with transliteration variants, threshold {threshold.ToString(CultureInfo.InvariantCulture)}");
        Console.WriteLine($"{"split",-6} {"records",8} {"true pairs",11} {"proposed",9} {"right",7} {"precision",10} {"recall",8} {"ms",6}");
        var ok = true;
        foreach (var (split, seed) in new[] { ("dev", 1), ("test", 2) })
        {
            var list = new PersonListGenerator(seed).Generate(records);
            var identityOf = list.ToDictionary(g => g.Person.Id, g => g.Identity);
            var clock = Stopwatch.StartNew();
            var proposals = new PersonDuplicateFinder(threshold).Find([.. list.Select(g => g.Person)]);
            clock.Stop();
            var truePairs = list.GroupBy(g => g.Identity).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
            var right = proposals.Count(p => identityOf[p.First] == identityOf[p.Second]);
            var precision = proposals.Count == 0 ? 1 : right / (double)proposals.Count;
            var recall = truePairs == 0 ? 1 : right / (double)truePairs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{split,-6} {list.Count,8} {truePairs,11} {proposals.Count,9} {right,7} {precision,10:F3} {recall,8:F3} {clock.ElapsedMilliseconds,6}"));
            if (split == "dev" && explain > 0)
            {
                Explain(list, proposals, identityOf, explain);
            }

            ok &= split != "test" || (precision >= 0.95 && recall >= 0.90);
        }

        Console.WriteLine(ok ? "targets met on test: precision >= 0.95, recall >= 0.90" : "TARGETS MISSED on test: precision >= 0.95, recall >= 0.90");
        return Task.FromResult(ok ? 0 : 1);
    }

    private static void Explain(List<PersonListGenerator.Generated> list, IReadOnlyList<MergeProposal> proposals, Dictionary<Guid, int> identityOf, int count)
    {
        Console.WriteLine("  wrong proposals:");
        foreach (var p in proposals.Where(p => identityOf[p.First] != identityOf[p.Second]).Take(count))
        {
            Console.WriteLine($"    {p.Score:F2} {p.FirstName} | {p.SecondName} | {string.Join("; ", p.Reasons)}");
        }

        var found = proposals.Select(p => (p.First, p.Second)).Concat(proposals.Select(p => (p.Second, p.First))).ToHashSet();
        Console.WriteLine("  missed pairs:");
        var shown = 0;
        foreach (var group in list.GroupBy(g => g.Identity).Where(g => g.Count() > 1))
        {
            var members = group.ToList();
            for (var i = 0; i < members.Count && shown < count; i++)
            {
                for (var j = i + 1; j < members.Count && shown < count; j++)
                {
                    if (!found.Contains((members[i].Person.Id, members[j].Person.Id)))
                    {
                        var score = PersonDuplicateFinder.NameScore(PersonNameKey.Tokens(members[i].Person.Names[0]), PersonNameKey.Tokens(members[j].Person.Names[0])).Score;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {score:F2} {members[i].Person.Names[0]} | {members[j].Person.Names[0]}"));
                        shown++;
                    }
                }
            }
        }
    }
}
