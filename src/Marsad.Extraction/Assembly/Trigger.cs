using Marsad.Domain.Events;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// What a trigger word says happened. the class orders ACLED's precedence when one report mixes
/// kinds (a clash beats the airstrikes that accompanied it; a change of territory beats the clash).
/// </summary>
public enum TriggerClass
{
    None = 0,
    Strategic = 1,
    Protest = 2,
    Riot = 3,
    CivilianHarm = 4,
    Remote = 5,
    Violence = 6,
    Clash = 7,
    Territory = 8,
}

/// <summary>A trigger: its class, the ACLED sub-type it implies (null for territory and generic violence, decided by actors), and tags.</summary>
public sealed record Trigger(TriggerClass Class, AcledSubEventType? SubType, IReadOnlyList<string> Tags);
