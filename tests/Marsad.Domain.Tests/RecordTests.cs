using Marsad.Domain.Audit;
using Marsad.Domain.Common;
using Marsad.Domain.Documents;
using Marsad.Domain.Lexicon;
using Marsad.Domain.Records;

namespace Marsad.Domain.Tests;

public sealed class RecordTests
{
    private static readonly string Sha = new('a', 64);

    [Fact]
    public void Allegation_history_must_exist_and_run_forward()
    {
        var step = new InvestigationStep(InvestigationStatus.Alleged, new DateOnly(2019, 3, 21));
        Assert.Throws<DomainException>(() => new Allegation { Id = Guid.NewGuid(), Summary = "massacre", History = [] });
        Assert.Throws<DomainException>(() => new Allegation
        {
            Id = Guid.NewGuid(),
            Summary = "massacre",
            History = [step, new InvestigationStep(InvestigationStatus.InvestigationRequested, new DateOnly(2019, 3, 1))],
        });
        var ok = new Allegation
        {
            Id = Guid.NewGuid(),
            Summary = "massacre",
            History = [step, new InvestigationStep(InvestigationStatus.InvestigationRequested, new DateOnly(2019, 4, 1))],
        };
        Assert.Equal(InvestigationStatus.InvestigationRequested, ok.Status);
    }

    [Fact]
    public void Claims_need_a_claimant_and_a_statement()
    {
        Assert.Throws<DomainException>(() => new Claim { Id = Guid.NewGuid(), Claimant = " ", Statement = "x" });
        Assert.Throws<DomainException>(() => new Claim { Id = Guid.NewGuid(), Claimant = "regime media", Statement = "" });
        Assert.Throws<DomainException>(() => new Claim { Id = Guid.NewGuid(), Claimant = "regime media", Statement = "x", Verdict = (Verdict)9 });
    }

    [Fact]
    public void Persons_are_sensitive_by_default_and_need_a_name()
    {
        var person = new Person { Id = Guid.NewGuid(), Name = "Yusuf Haddad", Status = PersonStatus.Missing };
        Assert.True(person.Sensitive);
        Assert.Throws<DomainException>(() => person with { Name = "" });
        Assert.Throws<DomainException>(() => person with { Aliases = ["Abu Yusuf", ""] });
    }

    [Fact]
    public void Sources_need_a_name_and_say_whether_they_are_confidential()
    {
        Assert.Throws<DomainException>(() => new Source(Guid.NewGuid(), " "));
        Assert.True(new Source(Guid.NewGuid(), "field network east", SourceKind.FieldNetwork, confidential: true).Confidential);
    }

    [Fact]
    public void Documents_need_text_and_well_formed_hashes()
    {
        Document Make(string text, string sha) => new(Guid.NewGuid(), "t", text, sha, Sha, [], "text/plain", null, null, null, "en", "a.txt", DateTimeOffset.UnixEpoch);
        Assert.Throws<DomainException>(() => Make("  ", Sha));
        Assert.Throws<DomainException>(() => Make("report", "ABC"));
        Assert.Throws<DomainException>(() => Make("report", Sha.ToUpperInvariant()));
        Assert.Equal("report", Make("report", Sha).CleanText);
    }

    [Fact]
    public void Revisions_check_their_hashes_and_sequence()
    {
        Revision Make(long seq, string prev) => new(seq, "event", Guid.NewGuid(), RevisionAction.Insert, "coder", DateTimeOffset.UnixEpoch, null, "{}", prev, Sha);
        Assert.Throws<DomainException>(() => Make(0, Revision.GenesisHash));
        Assert.Throws<DomainException>(() => Make(1, "not-a-hash"));
        Assert.Equal(1, Make(1, Revision.GenesisHash).Sequence);
    }

    [Fact]
    public void Lexicon_entries_keep_their_variants_once()
    {
        var actor = new Actor("QSD: Syrian Democratic Forces", ["SDF", "QSD", "SDF"]);
        Assert.Equal(["SDF", "QSD"], actor.Variants.ToArray());
        Assert.Throws<DomainException>(() => new Actor("", []));
        Assert.Throws<DomainException>(() => new Place("p1", "Hajin", [], null!, null, null, null));
    }
}
