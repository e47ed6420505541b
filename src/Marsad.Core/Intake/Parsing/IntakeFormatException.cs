namespace Marsad.Core.Intake.Parsing;

/// <summary>The input cannot be read as what it claims to be; Message is one line naming the problem, without the file name (the caller adds it).</summary>
public sealed class IntakeFormatException : Exception
{
    public IntakeFormatException()
    {
    }

    public IntakeFormatException(string message)
        : base(message)
    {
    }

    public IntakeFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
