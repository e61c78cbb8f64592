using System.CommandLine;

namespace Sto.Scheduler.Client.Cli;

/// <summary>Options every verb takes: where the server is, the token, the output form and the subregion.</summary>
internal sealed class GlobalOptions
{
    public Option<string> Server { get; } = new("--server")
    {
        Description = "gRPC address of the STO Scheduler service.",
        DefaultValueFactory = _ => "http://localhost:5071",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Bearer token (JWT); default: the STO_TOKEN environment variable.",
        Recursive = true,
    };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "table (for people) or json (proto JSON, for scripts).",
        DefaultValueFactory = _ => "table",
        Recursive = true,
    };

    public Option<string?> Subregion { get; } = new("--subregion")
    {
        Description = "Subregion for short names: regions/{region}/subregions/{subregion} or {region}/{subregion}; default: STO_SUBREGION or the demo subregion.",
        Recursive = true,
    };

    public GlobalOptions() => Output.AcceptOnlyFromAmong("table", "json");

    public void AddTo(Command root)
    {
        root.Options.Add(Server);
        root.Options.Add(Token);
        root.Options.Add(Output);
        root.Options.Add(Subregion);
    }
}
