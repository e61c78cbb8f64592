using System.CommandLine;
using System.Net;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary><c>sto token</c>: a development token from the server's /dev/token, or minted locally with --signing-key.</summary>
internal static class TokenCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var role = new Option<string>("--role") { Description = "planner, coordinator or app.", Required = true };
        role.AcceptOnlyFromAmong(DevToken.RoleNames);
        var scope = new Option<string>("--scope") { Description = "Resource name the token covers, e.g. regions/oost/subregions/twente-demo.", Required = true };
        var key = new Option<string?>("--signing-key") { Description = "Mint locally with this HMAC key (the server's Auth:SigningKey) instead of asking the server." };
        var issuer = new Option<string>("--issuer") { DefaultValueFactory = _ => "sto-scheduler", Description = "Issuer (Auth:Issuer)." };
        var audience = new Option<string>("--audience") { DefaultValueFactory = _ => "sto-scheduler", Description = "Audience (Auth:Audience)." };
        var http = new Option<string?>("--http") { Description = "The server's HTTP address for /dev/token; default: --server with port 5072 for 5071." };
        var command = new Command("token", "Print a development bearer token (Development server or a known signing key); use as STO_TOKEN.")
        {
            role, scope, key, issuer, audience, http,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var roleValue = parse.GetValue(role) ?? "";
            var scopeValue = parse.GetValue(scope) ?? "";
            DevToken.ScopeClaim(roleValue, scopeValue);
            var token = parse.GetValue(key) is { Length: > 0 } signingKey
                ? DevToken.Mint(roleValue, scopeValue, signingKey, parse.GetValue(issuer) ?? "sto-scheduler", parse.GetValue(audience) ?? "sto-scheduler", TimeSpan.FromHours(8), TimeProvider.System.GetUtcNow())
                : await FetchAsync(cli, parse.GetValue(http), roleValue, scopeValue, ct);
            cli.Line(token);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static async Task<string> FetchAsync(CliContext cli, string? http, string role, string scope, CancellationToken cancellationToken)
    {
        var baseUri = http is { Length: > 0 } ? new Uri(http) : HttpAddress(cli.ServerUri());
        using var client = cli.Factory.CreateHttpClient();
        var uri = new Uri(baseUri, $"/dev/token?role={Uri.EscapeDataString(role)}&scope={Uri.EscapeDataString(scope)}");
        using var response = await client.GetAsync(uri, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new CliException(ExitCodes.PermissionDenied,
                $"{baseUri} does not serve /dev/token: dev tokens exist only on a Development server (ASPNETCORE_ENVIRONMENT=Development). Mint one with --signing-key <the server's Auth:SigningKey>.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new CliException(ExitCodes.Other, $"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        return (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
    }

    /// <summary>The Development server serves gRPC on 5071 and HTTP on 5072.</summary>
    private static Uri HttpAddress(Uri server) =>
        server.Port == 5071 ? new UriBuilder(server) { Port = 5072 }.Uri : server;
}
