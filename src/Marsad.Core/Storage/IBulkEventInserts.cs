namespace Marsad.Core.Storage;

/// <summary>
/// Many events inserted in one write transaction with the analytics tables brought up to date set-based rather
/// than row by row (see <see cref="SqlDialect.BeginBulkEventInsertsAsync"/>). The caller says when it inserted an
/// event, applies the pending ones before it updates or deletes any event (whose triggers take the old state
/// away), and finishes before committing.
/// </summary>
internal interface IBulkEventInserts
{
    /// <summary>The event with this id was inserted since the last <see cref="ApplyAsync"/>.</summary>
    void Inserted(Guid id);

    /// <summary>Adds the events inserted since the last call to the analytics tables.</summary>
    Task ApplyAsync(CancellationToken cancellationToken);

    /// <summary>Applies what is pending and restores the per-row maintenance; the transaction may then commit.</summary>
    Task FinishAsync(CancellationToken cancellationToken);
}
