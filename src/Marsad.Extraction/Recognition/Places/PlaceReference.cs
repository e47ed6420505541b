using Marsad.Domain.Common;

namespace Marsad.Extraction.Recognition.Places;

/// <summary>
/// Characters [Start, End) name a place; <see cref="Precision"/> is what the wording implies ("near X" 2,
/// "X countryside" 3), <see cref="WithinArea"/> the region the text puts it in, <see cref="Location"/> the
/// geocoder's answer (null when the place is not known to it). <see cref="NamesGovernorate"/>: the name is also a
/// governorate's ("Idleb", "Dar'a"), so without "city" beside it the text may mean the governorate.
/// </summary>
public sealed record PlaceReference(int Start, int End, string Name, GeoPrecision Precision, string? WithinArea, Location? Location, bool NamesGovernorate = false);
