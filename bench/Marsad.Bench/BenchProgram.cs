namespace Marsad.Bench;

/// <summary>Dispatches <c>dotnet run --project bench/Marsad.Bench -- NAME [options]</c> to one benchmark.</summary>
internal static class BenchProgram
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.WriteLine("usage: Marsad.Bench <benchmark> [options]");
        return Task.FromResult(args.Length == 0 ? 2 : 0);
    }
}
