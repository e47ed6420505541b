using Marsad.Cli;

return await MarsadCli.RunAsync(args, CliEnvironment.FromProcess());
