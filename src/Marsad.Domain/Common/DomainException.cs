namespace Marsad.Domain.Common;

/// <summary>Thrown when a value would break one of the domain's invariants; the message names the field and the rule.</summary>
public sealed class DomainException : ArgumentException
{
    public DomainException() { }

    public DomainException(string message) : base(message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    internal static void ThrowIf(bool broken, string message)
    {
        if (broken)
        {
            throw new DomainException(message);
        }
    }
}
