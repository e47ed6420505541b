using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Marsad.Core.Exchange;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Exchange;

/// <summary>The column formats' own payload reader gives what the serializer gives, and leaves to it what it does not take.</summary>
public sealed class ExportedEventReaderTests
{
    public static TheoryData<string> Shapes() => ["plain", "undated", "no place", "no point", "imported", "every member", "week and region"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Reads_a_stored_event_as_the_serializer_does(string shape)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(Sample(shape), MarsadJson.Options);

        var read = ExportedEventReader.TryRead(payload);

        Assert.NotNull(read);
        Assert.Equal(ExportedFields.ReadWithSerializer(payload), read);
    }

    [Theory]
    [InlineData("\"note\":\"a member the reader has never met\",")]
    [InlineData("\"act\\u006fr2\":\"Escaped name\",")]
    public void Leaves_what_it_does_not_take_to_the_serializer(string member)
    {
        var stored = JsonSerializer.Serialize(Sample("plain"), MarsadJson.Options);
        var payload = Encoding.UTF8.GetBytes("{" + member + stored[1..]);

        Assert.Null(ExportedEventReader.TryRead(payload));
        Assert.Equal(ExportedFields.ReadWithSerializer(payload), ExportedFields.Read(payload));
    }

    [Fact]
    public void A_day_in_another_form_than_the_stored_one_goes_to_the_serializer()
    {
        var stored = JsonSerializer.Serialize(Sample("plain"), MarsadJson.Options);
        var payload = Encoding.UTF8.GetBytes(stored.Replace("\"start\":\"2022-02-28\"", "\"start\":\"2022-02-30\"", StringComparison.Ordinal));

        Assert.Null(ExportedEventReader.TryRead(payload));
        Assert.ThrowsAny<Exception>(() => ExportedFields.Read(payload));
    }

    private static ConflictEvent Sample(string shape)
    {
        var plain = new ConflictEvent
        {
            Id = Guid.Parse("0190f0a8-3c1e-7b55-9d2a-6f1e2d3c4b5a"),
            SubEventType = AcledSubEventType.ArmedClash,
            Date = DateSpan.OnDay(new DateOnly(2022, 2, 28)),
            Actor1 = "Test Brigade",
            Location = new Location("Lower ford", null, "Idlib", "Harim", null, new GeoPoint(36.125, 36.5), GeoPrecision.Place),
            Quantities = Quantities.Empty.With(Quantities.Names.Fatalities, new Quantity(1, 2, 4)),
            Summary = "Two sides traded fire near a ford in a test.",
        };
        return shape switch
        {
            "plain" => plain,
            "undated" => plain with { Date = DateSpan.Unresolved, DateText = "some night last spring" },
            "no place" => plain with { Location = null, Quantities = Quantities.Empty },
            "no point" => plain with { Location = new Location("Upper ford", "place-7", "Idlib", null, "Qurqania", null, null) },
            "week and region" => plain with
            {
                Date = new DateSpan(new DateOnly(2020, 1, 6), new DateOnly(2020, 1, 12), TimePrecision.Week),
                Location = new Location(null, null, "Hama", null, null, new GeoPoint(-35.0, -36.75), GeoPrecision.Region),
                Status = EventStatus.Rejected,
            },
            "imported" => plain with
            {
                Status = EventStatus.Published,
                Origin = new EventOrigin
                {
                    Dataset = "ucdp",
                    Id = "77",
                    Version = "3",
                    Fields = ImmutableSortedDictionary.CreateRange<string, string>(StringComparer.Ordinal, [new("low", "4"), new("best", "2"), new("Zeta", "\"quoted\" \u0627")]),
                    Checks = ["figures out of order in a test row"],
                },
            },
            _ => plain with
            {
                Tags = ["drone", "night"],
                AssocActor1 = ["Helpers A"],
                AssocActor2 = ["Helpers B", "Helpers C"],
                Actor2 = "Civilians (Syria)",
                Quantities = Quantities.Empty.With(Quantities.Names.Fatalities, new Quantity(null, null, 9, "up to nine"))
                    .With(Quantities.Names.Injured, Quantity.Exactly(5)),
                Evidence = new Evidence([new("event", new TextSpan(0, 12))]),
                Aggregate = new Aggregate(2, [new Location("Second hill", null, "Hama", null, null, null, null)], [new DateOnly(2022, 2, 27), new DateOnly(2022, 2, 28)]),
                Confidence = 0.5,
                Status = EventStatus.Verified,
                Grade = Grade.Contested,
                GradeReason = "two accounts disagree",
                GradeFixed = true,
                DocumentIds = [Guid.Parse("0190f0a8-3c1e-7b55-9d2a-6f1e2d3c4b5b")],
                MergedInto = Guid.Parse("0190f0a8-3c1e-7b55-9d2a-6f1e2d3c4b5c"),
            },
        };
    }
}
