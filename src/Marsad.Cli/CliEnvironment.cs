using Spectre.Console;

namespace Marsad.Cli;

/// <summary>
/// What a command may touch outside its arguments: the terminal, standard error, the clock and
/// environment variables. Tests build one over string writers and a fixed clock.
/// </summary>
public sealed record CliEnvironment(IAnsiConsole Out, TextWriter Error, TimeProvider Time, Func<string, string?> GetVariable, bool Interactive)
{
    public static CliEnvironment FromProcess()
    {
        var interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        });
        if (!interactive)
        {
            // Redirected output is read by scripts: tables as wide as they need, lines never wrapped.
            console.Profile.Width = 240;
        }

        return new CliEnvironment(console, Console.Error, TimeProvider.System, Environment.GetEnvironmentVariable, interactive)
        {
            StandardOutput = Console.OpenStandardOutput,
        };
    }

    /// <summary>
    /// Standard output as bytes, for bulk output (exports): the console's writer flushes and re-encodes every write.
    /// Null where the environment has only <see cref="Out"/> (tests over string writers).
    /// </summary>
    public Func<Stream>? StandardOutput { get; init; }

    /// <summary>Prints one line of plain text on standard output, never wrapped or styled.</summary>
    public void WriteLine(string line) => Out.Profile.Out.Writer.WriteLine(line);

    /// <summary>Prints "marsad: error: ..." on standard error: one line a problem, for people and for grep.</summary>
    public void WriteError(string message) => Error.WriteLine($"marsad: error: {message}");
}
