using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Domain.Events;

namespace Marsad.Cli.Output;

/// <summary>
/// What an editor would do with the demo's record: the events that two or more sample reports corroborate are
/// accepted and published (each step a revision by the demo user), so the public map and report have something to show.
/// When the samples corroborate nothing, the complete proposals (a day, a point, a first actor) are published instead.
/// The rest stay in the review queue for the visitor to try.
/// </summary>
internal static class DemoPublishing
{
    public static async Task<int> PublishCorroboratedAsync(IMarsadStore store, ChangeContext context, CancellationToken cancellationToken)
    {
        var review = new ReviewRecords(store);
        var status = new SetEventStatus(store);
        var published = 0;
        var pending = (await store.Events.ListAsync(new EventQuery { Status = EventStatus.Extracted }, Role.Editor, cancellationToken)).ToList();
        var chosen = pending.Where(i => i.Event.DocumentIds.Length > 1).ToList();
        if (chosen.Count == 0)
        {
            chosen = [.. pending.Where(i => i.Event.Date.Precision == Domain.Common.TimePrecision.Day && i.Event.Location?.Point is not null && i.Event.Actor1 is not null)];
        }

        foreach (var (e, version, _) in chosen)
        {
            var accepted = await review.ApplyAsync(new ReviewDecision("event", e.Id, ReviewAction.Accept, version), new ChangeContext(context.Author, "demo: corroborated by several reports"), cancellationToken);
            await status.RunAsync(e.Id, EventStatus.Published, accepted, new ChangeContext(context.Author, "demo"), cancellationToken);
            published++;
        }

        return published;
    }
}
