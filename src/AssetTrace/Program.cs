using AssetTrace.Cli;

// The one executable: with no command it serves the API; commands do admin work from the shell.
return await CommandLine.RunAsync(args);
