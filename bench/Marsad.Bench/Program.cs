using Marsad.Bench;

return await BenchProgram.RunAsync(args);
