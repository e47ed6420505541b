namespace Marsad.Core.Events.Filters;

/// <summary>A filter value that names nothing the gazetteer, lexicon or ACLED's labels know; the message suggests the nearest.</summary>
public sealed class UnknownFilterValueException : ArgumentException
{
    public UnknownFilterValueException() { }

    public UnknownFilterValueException(string message) : base(message) { }

    public UnknownFilterValueException(string message, Exception innerException) : base(message, innerException) { }

    public UnknownFilterValueException(string message, string withoutValue) : base(message) => MessageWithoutValue = withoutValue;

    /// <summary>
    /// The message without the value as typed, for answers over the web: reflected input is what an injection rides on,
    /// and a response that repeats a typed name cannot be told apart from one that leaks it.
    /// </summary>
    public string MessageWithoutValue { get; } = "a filter value is not known";
}
