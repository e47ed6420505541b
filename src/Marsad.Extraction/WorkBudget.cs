using System.Globalization;

namespace Marsad.Extraction;

/// <summary>
/// A ceiling on the work one document may cost, counted in steps (tokens read, sentences and places visited, candidates
/// compared), not in wall time, so a document's result never depends on the machine or its load. The engine charges
/// it stage by stage; past the limit it stops with <see cref="WorkBudgetExceededException"/>, and the document gets a
/// clear error instead of tying a worker up. Every stage is linear or n log n, so a real report spends a small
/// fraction of the default; the budget is the guarantee that no input can run unbounded.
/// </summary>
public sealed class WorkBudget(long limit)
{
    public long Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), "the budget must be positive");

    public long Spent { get; private set; }

    /// <summary>Counts <paramref name="steps"/> of work in <paramref name="stage"/>; throws when the total passes the limit.</summary>
    public void Spend(long steps, string stage)
    {
        Spent += Math.Max(0, steps);
        if (Spent > Limit)
        {
            throw new WorkBudgetExceededException(Limit, stage);
        }
    }
}

/// <summary>A document needed more steps than its <see cref="WorkBudget"/> allows.</summary>
public sealed class WorkBudgetExceededException(long limit, string stage)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"work budget of {limit:N0} steps exceeded while {stage}: the text is too large or too repetitive to read in one piece; split it"))
{
    public long Limit { get; } = limit;

    public string Stage { get; } = stage;
}
