using System.Runtime.CompilerServices;

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

    /// <summary>
    /// As <see cref="ThrowIf(bool, string)"/>, but an interpolated message is only formatted when the rule
    /// is broken: every checked setter runs on every stored record read (a million in bulk corroboration).
    /// </summary>
    internal static void ThrowIf(bool broken, [InterpolatedStringHandlerArgument(nameof(broken))] ref BrokenRuleMessage message)
    {
        if (broken)
        {
            throw new DomainException(message.ToStringAndClear());
        }
    }
}

/// <summary>Builds a <see cref="DomainException"/> message only when its rule is broken.</summary>
[InterpolatedStringHandler]
internal ref struct BrokenRuleMessage
{
    private DefaultInterpolatedStringHandler _text;

    public BrokenRuleMessage(int literalLength, int formattedCount, bool broken, out bool build)
    {
        build = broken;
        _text = broken ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public string ToStringAndClear() => _text.ToStringAndClear();
}
