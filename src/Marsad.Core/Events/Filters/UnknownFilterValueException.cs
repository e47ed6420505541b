namespace Marsad.Core.Events.Filters;

/// <summary>A filter value that names nothing the gazetteer, lexicon or ACLED's labels know; the message suggests the nearest.</summary>
public sealed class UnknownFilterValueException : ArgumentException
{
    public UnknownFilterValueException() { }

    public UnknownFilterValueException(string message) : base(message) { }

    public UnknownFilterValueException(string message, Exception innerException) : base(message, innerException) { }
}
