namespace Marsad.Domain.Events;

/// <summary>Airwars' grading of how well an event is sourced.</summary>
public enum Grade
{
    /// <summary>A party to the conflict accepted responsibility.</summary>
    Confirmed,

    /// <summary>Two or more independent credible sources.</summary>
    Fair,

    /// <summary>A single source.</summary>
    Weak,

    /// <summary>Competing attributions.</summary>
    Contested,

    /// <summary>Judged not to have happened as reported.</summary>
    Discounted,
}
