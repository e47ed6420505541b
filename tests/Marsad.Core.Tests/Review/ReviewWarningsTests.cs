using Marsad.Core.Review;
using Marsad.Core.Tests.Storage;
using Marsad.Domain.Common;

namespace Marsad.Core.Tests.Review;

public sealed class ReviewWarningsTests
{
    // Written for this test; the evidence span covers the second paragraph.
    private const string Text = "Daily note\n\nAircraft struck a farm near Saraqib in Idlib countryside, killing two shepherds.\n\nOther news.";

    private static ReviewItem Item(Domain.Events.ConflictEvent e, Guid? document) =>
        new("event", e.Id, 1, e, document, new Evidence([new("event", new TextSpan(12, 60))]));

    [Fact]
    public void A_place_outside_the_named_governorate_a_count_the_text_does_not_state_and_a_late_date_are_flagged()
    {
        // The test strike is in Hajin (Deir-ez-Zor), has 3 fatalities and lists 1 date for 2 incidents.
        var e = RecordStoreTests.Strike();
        var warnings = ReviewWarnings.Default.For(Item(e, Guid.NewGuid()), new DateOnly(2021, 3, 30), Text);

        Assert.Contains(warnings, w => w.Field == "location" && w.Message.EndsWith("the passage names Idleb", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Field == "fatalities" && w.Message.StartsWith("3 killed", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Field == "date" && w.Message.Contains("days before the document", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Field == "aggregate");
    }

    [Fact]
    public void A_proposal_that_agrees_with_its_text_has_no_warnings_and_an_undated_document_or_missing_place_is_flagged()
    {
        var e = RecordStoreTests.Strike() with
        {
            Location = new Location("Saraqib", null, "Idleb", "Idleb", null, new GeoPoint(35.86, 36.80), GeoPrecision.Place),
            Quantities = Quantities.Empty.With("fatalities", Quantity.Exactly(2)),
            Aggregate = null,
        };
        Assert.Empty(ReviewWarnings.Default.For(Item(e, Guid.NewGuid()), new DateOnly(2021, 1, 21), Text));

        var undated = ReviewWarnings.Default.For(Item(e with { Location = null }, Guid.NewGuid()), null, Text);
        Assert.Equal(["date", "location"], undated.Select(w => w.Field));
    }

    [Fact]
    public void A_place_given_only_as_a_point_is_named_by_its_coordinates_and_an_undated_event_is_flagged_as_undated()
    {
        var e = RecordStoreTests.Strike() with
        {
            Location = new Location(null, null, "Al-Hasakeh", null, null, new GeoPoint(36.97, 41.94), GeoPrecision.Place),
            Quantities = Quantities.Empty.With("fatalities", Quantity.Exactly(2)),
            Aggregate = null,
        };
        var warnings = ReviewWarnings.Default.For(Item(e, Guid.NewGuid()), new DateOnly(2021, 1, 21), Text);
        Assert.Contains(warnings, w => w.Field == "location" && w.Message == "the point 36.97, 41.94 is in Al-Hasakeh, but the passage names Idleb");

        var undated = ReviewWarnings.Default.For(Item(e with { Date = DateSpan.Unresolved }, Guid.NewGuid()), new DateOnly(2021, 1, 21), Text);
        Assert.Contains(undated, w => w.Field == "date" && w.Message.StartsWith("the event is undated", StringComparison.Ordinal));
    }
}
