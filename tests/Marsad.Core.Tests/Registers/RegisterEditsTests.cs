using Marsad.Core.Access;
using Marsad.Core.Records;
using Marsad.Core.Registers;
using Marsad.Core.Registers.Persons;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Tests.Registers;

public sealed class RegisterEditsTests
{
    private static readonly Location Exact = new("Farm north of Tell Fictional", "P999", "Ar-Raqqa", "Tell Abyad", null, new GeoPoint(36.6, 38.9), GeoPrecision.Place);

    [Fact]
    public async Task Status_histories_round_trip_and_the_audit_chain_verifies_after_a_sequence_of_edits()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var person = new Person { Id = Guid.NewGuid(), Name = "Samir Fictional al-Testi", Status = PersonStatus.Abducted }
            .WithStep(new PersonStatusStep(PersonStatus.Abducted, DateSpan.OnDay(new DateOnly(2014, 5, 2)), Exact, "taken at a checkpoint"));
        await store.Records.AddAsync(person, new ChangeContext("coder"));

        var v1 = (await store.Records.GetAsync<Person>(person.Id))!;
        var seen = v1.Value.WithStep(new PersonStatusStep(PersonStatus.Missing, new DateSpan(new DateOnly(2015, 1, 1), new DateOnly(2015, 1, 31), TimePrecision.Month), null, "last seen in a prison"));
        var v2 = await store.Records.UpdateAsync(seen, v1.Version, new ChangeContext("coder", "witness account"));
        var dead = seen.WithStep(new PersonStatusStep(PersonStatus.ConfirmedDead, DateSpan.OnDay(new DateOnly(2019, 4, 1)))) with { DateOfBirth = new DateOnly(1980, 2, 3) };
        await store.Records.UpdateAsync(dead, v2.Version, new ChangeContext("editor", "death certificate"));
        var found = dead.WithStep(new PersonStatusStep(PersonStatus.RemainsFound, DateSpan.OnDay(new DateOnly(2019, 6, 9)), Exact));
        await store.Records.UpdateAsync(found, 3, new ChangeContext("editor", "mass grave identification"));

        // A save over a version someone else already replaced writes nothing.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.Records.UpdateAsync(found with { Fate = "stale" }, 3, new ChangeContext("coder")));

        var allegation = new Allegation
        {
            Id = Guid.NewGuid(),
            Summary = "Shelling of a fictional market alleged to have killed between 10 and 14 people",
            Date = DateSpan.OnDay(new DateOnly(2020, 3, 10)),
            Quantities = new Quantities(new Dictionary<string, Quantity> { ["fatalities"] = new(10, null, 14) }),
            History = [new InvestigationStep(InvestigationStatus.Alleged, new DateOnly(2020, 3, 10))],
        };
        await store.Records.AddAsync(allegation, new ChangeContext("coder"));
        var requested = allegation.WithStep(new InvestigationStep(InvestigationStatus.InvestigationRequested, new DateOnly(2020, 4, 1), "letter to the ministry"));
        await store.Records.UpdateAsync(requested, 1, new ChangeContext("editor"));
        var opened = requested.WithStep(new InvestigationStep(InvestigationStatus.UnderInvestigation, new DateOnly(2020, 9, 15)));
        await store.Records.UpdateAsync(opened, 2, new ChangeContext("editor"));

        var stored = (await store.Records.GetAsync<Person>(person.Id))!;
        Assert.Equal(found, stored.Value);
        Assert.Equal(4, stored.Version);
        Assert.Equal([PersonStatus.Abducted, PersonStatus.Missing, PersonStatus.ConfirmedDead, PersonStatus.RemainsFound], stored.Value.History.Select(s => s.Status));
        Assert.Equal(PersonStatus.RemainsFound, stored.Value.Status);
        Assert.Equal(new DateOnly(2015, 1, 1), stored.Value.LastSeen!.Start);
        var storedAllegation = (await store.Records.GetAsync<Allegation>(allegation.Id))!.Value;
        Assert.Equal(opened, storedAllegation);
        Assert.Null(storedAllegation.MonthsWithoutInvestigation(new DateOnly(2021, 1, 23)));
        Assert.Equal(11, requested.MonthsWithoutInvestigation(new DateOnly(2021, 3, 9)));
        var audit = await store.Audit.VerifyAsync();
        Assert.True(audit.Ok);
        Assert.Equal(7, await store.Audit.CountAsync());
    }

    [Fact]
    public async Task A_merge_keeps_both_records_names_and_histories_and_is_two_revisions()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var keep = new Person { Id = Guid.NewGuid(), Name = "Mohammad Fictional al-Testi", Status = PersonStatus.Detained }
            .WithStep(new PersonStatusStep(PersonStatus.Detained, DateSpan.OnDay(new DateOnly(2013, 3, 1))));
        var duplicate = new Person { Id = Guid.NewGuid(), Name = "Muhammad Fictional Testi", Status = PersonStatus.Released, ArabicName = "محمد التستي", DateOfBirth = new DateOnly(1975, 1, 1) }
            .WithStep(new PersonStatusStep(PersonStatus.Released, DateSpan.OnDay(new DateOnly(2016, 8, 20))));
        await store.Records.AddAsync(keep, new ChangeContext("coder"));
        await store.Records.AddAsync(duplicate, new ChangeContext("coder"));

        var proposals = await new FindPersonDuplicates(store).RunAsync();
        var proposal = Assert.Single(proposals);
        Assert.Equal(new[] { keep.Id, duplicate.Id }.Order(), new[] { proposal.First, proposal.Second }.Order());

        await new MergeRecords(store).MergePersonsAsync(keep.Id, duplicate.Id, new ChangeContext("editor"));

        var merged = (await store.Records.GetAsync<Person>(keep.Id))!.Value;
        Assert.Contains("Muhammad Fictional Testi", merged.Aliases);
        Assert.Equal("محمد التستي", merged.ArabicName);
        Assert.Equal([PersonStatus.Detained, PersonStatus.Released], merged.History.Select(s => s.Status));
        Assert.Equal(PersonStatus.Released, merged.Status);
        Assert.Equal(keep.Id, (await store.Records.GetAsync<Person>(duplicate.Id))!.Value.MergedInto);
        Assert.Single(await store.Registers.ListAsync<Person>(new RegisterQuery(), Role.Editor));
        Assert.Empty(await new FindPersonDuplicates(store).RunAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => new MergeRecords(store).MergePersonsAsync(keep.Id, duplicate.Id, new ChangeContext("editor")));
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task The_review_queue_cannot_set_or_release_a_persons_sensitive_fields()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var person = new Person { Id = Guid.NewGuid(), Name = "Nour Fictional", Status = PersonStatus.Missing };
        await store.Records.AddAsync(person, new ChangeContext("engine"));
        var review = new Core.Review.ReviewRecords(store);
        foreach (var field in new[] { "contacts", "public_fields", "sensitive" })
        {
            var fields = new System.Text.Json.Nodes.JsonObject { [field] = field == "sensitive" ? false : field == "public_fields" ? new System.Text.Json.Nodes.JsonArray("contacts") : "+000 555 0123" };
            await Assert.ThrowsAnyAsync<ArgumentException>(() => review.ApplyAsync(new Core.Review.ReviewDecision("person", person.Id, Core.Review.ReviewAction.Edit, 1, fields), new ChangeContext("coder")));
        }

        await review.ApplyAsync(new Core.Review.ReviewDecision("person", person.Id, Core.Review.ReviewAction.Edit, 1, new System.Text.Json.Nodes.JsonObject { ["held_by"] = "Islamic State (Syria)" }), new ChangeContext("coder"));
        Assert.Equal("Islamic State (Syria)", (await store.Records.GetAsync<Person>(person.Id))!.Value.HeldBy);
    }

    [Fact]
    public async Task Below_editor_the_query_layer_withholds_sensitive_person_fields_unless_released()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var person = new Person
        {
            Id = Guid.NewGuid(),
            Name = "Hala Fictional",
            Status = PersonStatus.Missing,
            DateOfBirth = new DateOnly(1990, 6, 6),
            FamilyDetails = "two children with an aunt",
            Contacts = "+000 555 0100",
            ReviewStatus = EventStatus.Published,
        }.WithStep(new PersonStatusStep(PersonStatus.Missing, DateSpan.OnDay(new DateOnly(2018, 2, 2)), Exact));
        await store.Records.AddAsync(person, new ChangeContext("editor"));

        foreach (var role in new[] { Role.Public, Role.Viewer, Role.Coder })
        {
            var item = Assert.Single(await store.Registers.ListAsync<Person>(new RegisterQuery(), role));
            Assert.Null(item.Record.DateOfBirth);
            Assert.Null(item.Record.FamilyDetails);
            Assert.Null(item.Record.Contacts);
            Assert.Equal("Ar-Raqqa", item.Record.LastSeenAt!.Name);
            Assert.Null(item.Record.LastSeenAt.Point);
            Assert.All(item.Record.History, s => Assert.Null(s.Place?.Point));
            Assert.Equal(PersonFields.Sensitive.Order(StringComparer.Ordinal), item.Withheld.Order(StringComparer.Ordinal));
            // A search on a withheld value finds nothing.
            Assert.Empty(await store.Registers.ListAsync<Person>(new RegisterQuery { Text = "aunt" }, role));
        }

        var editor = Assert.Single(await store.Registers.ListAsync<Person>(new RegisterQuery(), Role.Editor));
        Assert.Equal(person, editor.Record);

        await store.Records.UpdateAsync(person with { PublicFields = [PersonFields.DateOfBirth] }, 1, new ChangeContext("editor"));
        var released = Assert.Single(await store.Registers.ListAsync<Person>(new RegisterQuery(), Role.Public));
        Assert.Equal(new DateOnly(1990, 6, 6), released.Record.DateOfBirth);
        Assert.Null(released.Record.Contacts);

        await store.Records.UpdateAsync(person with { ReviewStatus = EventStatus.Reviewed }, 2, new ChangeContext("editor"));
        Assert.Empty(await store.Registers.ListAsync<Person>(new RegisterQuery(), Role.Public));
    }

    [Fact]
    public async Task The_public_sees_a_sensitive_record_by_name_status_and_size_only_until_an_editor_marks_it_public()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var person = new Person
        {
            Id = Guid.NewGuid(),
            Name = "Samir Invented",
            Aliases = ["Abu Fictive"],
            Status = PersonStatus.Detained,
            Fate = "held in the cellar of an imaginary depot",
            HeldBy = "Unidentified Armed Group (Syria)",
            ReviewStatus = EventStatus.Published,
        };
        await store.Records.AddAsync(person, new ChangeContext("editor"));

        var seen = Assert.Single(await store.Registers.ListAsync<Person>(new RegisterQuery(), Role.Public)).Record;
        Assert.Equal(("Samir Invented", PersonStatus.Detained), (seen.Name, seen.Status));
        Assert.Null(seen.Fate);
        Assert.Null(seen.HeldBy);
        Assert.Empty(seen.Aliases);

        var team = Assert.Single(await store.Registers.ListAsync<Person>(new RegisterQuery(), Role.Viewer)).Record;
        Assert.Equal(person.Fate, team.Fate);
        Assert.Equal(person.HeldBy, team.HeldBy);

        await store.Records.UpdateAsync(person with { Sensitive = false }, 1, new ChangeContext("editor"));
        var marked = Assert.Single(await store.Registers.ListAsync<Person>(new RegisterQuery(), Role.Public)).Record;
        Assert.Equal(person.Fate, marked.Fate);
        Assert.Equal("Abu Fictive", Assert.Single(marked.Aliases));
    }
}
