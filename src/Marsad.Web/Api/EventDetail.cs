using Marsad.Core.Access;
using Marsad.Core.Names;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Web.Api;

/// <summary>
/// One event as a role may see it, with each document that reports it: title, date, source (masked when
/// confidential), the text extraction read and the evidence spans in it. The public gets no text, title or
/// link of a confidential source's document: its wording could give the source away.
/// </summary>
public sealed record EventDetail(ConflictEvent Event, long Version, IReadOnlyList<string> Sources, IReadOnlyList<EventDocument> Documents, ArabicNames? NamesAr = null)
{
    /// <summary>The place line the page prints (Core's <see cref="Core.Names.PlaceLine"/>, the one rule for it); null without a location.</summary>
    public IReadOnlyList<string>? PlaceLine => Event.Location is { } location ? Core.Names.PlaceLine.Parts(location, NamesAr) : null;

    public static async Task<EventDetail?> ReadAsync(IMarsadStore store, Guid id, Role role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.Events.FindAsync(id, role, cancellationToken) is not { } stored)
        {
            return null;
        }

        var mask = await SourceMask.ForAsync(store, role, cancellationToken);
        var documents = new List<EventDocument>();
        foreach (var (documentId, index) in stored.Event.DocumentIds.Select((d, i) => (d, i)))
        {
            var document = await store.Documents.FindAsync(documentId.ToString("D"), cancellationToken);
            if (document is null)
            {
                continue;
            }

            var evidence = index == 0 ? stored.Event.Evidence : null;
            if (mask.Hides(document.SourceName))
            {
                var hidden = role.SeesUnpublished() ? mask.Redact(await TextAsync(store, document, cancellationToken), evidence) : (null, null);
                documents.Add(new EventDocument(document.Id, null, document.Published, RoleRules.ConfidentialSourceName, null, hidden.Text, hidden.Evidence));
                continue;
            }

            var (text, spans) = mask.Redact(await TextAsync(store, document, cancellationToken), evidence);
            documents.Add(new EventDocument(document.Id, mask.Scrub(document.Title), document.Published, document.SourceName, document.Url, text, spans));
        }

        // The Arabic names beside the canonical ones: the place as the first document (the one the evidence points into) wrote it.
        var first = documents.FirstOrDefault(d => d.Evidence is not null);
        return new EventDetail(stored.Event, stored.Version, stored.Sources, documents, ArabicNames.Of(first?.Evidence is { } moved ? stored.Event with { Evidence = moved } : stored.Event, first?.Text, Core.Review.PlainValues.PlainFields.Default.Places.NameOf));
    }

    private static async Task<string> TextAsync(IMarsadStore store, Domain.Documents.Document document, CancellationToken cancellationToken) =>
        await store.Extractions.CleanTextAsync(document.Id, cancellationToken) ?? document.CleanText;
}

/// <summary>A document behind an event; <see cref="Evidence"/> spans point into <see cref="Text"/> (on the document extraction read the event from).</summary>
public sealed record EventDocument(Guid Id, string? Title, DateOnly? Published, string? Source, string? Url, string? Text, Evidence? Evidence);
