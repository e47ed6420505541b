using Marsad.Domain.Common;

namespace Marsad.Core.Review;

/// <summary>One proposal awaiting a coder: its kind (event, claim, person, allegation), the record and version, and the document it came from.</summary>
public sealed record ReviewItem(string Kind, Guid Id, long Version, object Record, Guid? DocumentId, Evidence Evidence);
