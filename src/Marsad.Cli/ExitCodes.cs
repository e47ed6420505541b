namespace Marsad.Cli;

/// <summary>The exit codes every marsad command uses (documented in the README and in --help).</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>The run finished but some inputs failed; each was named on standard error.</summary>
    public const int SomeInputsFailed = 1;

    /// <summary>The command line was wrong: unknown command or option, missing or malformed argument.</summary>
    public const int UsageError = 2;

    /// <summary>Nothing could be done: the database cannot be opened or the audit chain does not verify.</summary>
    public const int CannotRun = 3;
}
