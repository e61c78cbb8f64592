using System.CommandLine;
using Google.Protobuf;
using Spectre.Console;

namespace Sto.Scheduler.Client.Cli;

/// <summary>What one invocation works with: consoles, the client, the output form and name resolution.</summary>
internal sealed class CliContext(
    ParseResult parse, GlobalOptions globals, ISchedulerClientFactory factory, IAnsiConsole console, IAnsiConsole errors, Func<string, string?> environment)
    : IDisposable
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());
    private SchedulerClient? _client;

    public IAnsiConsole Console { get; } = console;

    public IAnsiConsole Errors { get; } = errors;

    public ISchedulerClientFactory Factory { get; } = factory;

    public ParseResult Parse { get; } = parse;

    public string Server => Parse.GetValue(globals.Server) ?? "http://localhost:5071";

    public string? Token => Parse.GetValue(globals.Token) is { Length: > 0 } token ? token : environment("STO_TOKEN") is { Length: > 0 } env ? env : null;

    public bool IsJson => Parse.GetValue(globals.Output) == "json";

    /// <summary>Whether to draw live widgets (progress bars); false when output is redirected.</summary>
    public bool IsInteractive => Console.Profile.Capabilities.Interactive && !IsJson;

    public string Subregion => Names.Subregion(Parse.GetValue(globals.Subregion) is { Length: > 0 } s ? s
        : environment("STO_SUBREGION") is { Length: > 0 } env ? env : Names.DemoSubregion);

    public SchedulerClient Client => _client ??= Factory.Create(new SchedulerClientOptions { Address = ServerUri(), BearerToken = Token });

    /// <summary>Replaces the token (the demo fetches one first).</summary>
    public void UseToken(string token)
    {
        _client?.Dispose();
        _client = Factory.Create(new SchedulerClientOptions { Address = ServerUri(), BearerToken = token });
    }

    public Uri ServerUri() => Uri.TryCreate(Server, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? uri
        : throw new CliException(ExitCodes.Usage, $"--server '{Server}': expected an http(s) address such as http://localhost:5071.");

    public void WriteJson(IMessage message) => Console.Profile.Out.Writer.WriteLine(Json.Format(message));

    public void WriteJson(IEnumerable<IMessage> messages) =>
        Console.Profile.Out.Writer.WriteLine("[" + string.Join(",\n", messages.Select(m => Json.Format(m))) + "]");

    public void Line(string text) => Console.Profile.Out.Writer.WriteLine(text);

    public void ErrorLine(string text) => Errors.Profile.Out.Writer.WriteLine(text);

    public static string ReadFile(string path) =>
        File.Exists(path) ? File.ReadAllText(path)
            : throw new CliException(ExitCodes.InvalidInput, $"{path}: the file does not exist (looked in {Path.GetFullPath(path)}).");

    public void WriteFile(string path, string text)
    {
        if (path == "-")
        {
            Console.Profile.Out.Writer.Write(text);
            return;
        }

        File.WriteAllText(path, text);
    }

    public void Dispose() => _client?.Dispose();
}
