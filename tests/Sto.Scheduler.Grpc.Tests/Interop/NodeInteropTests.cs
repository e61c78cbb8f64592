using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Sto.Scheduler.Grpc.Tests.Support;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;

namespace Sto.Scheduler.Grpc.Tests.Interop;

/// <summary>
/// A client not written in C#: tests/interop/node/client.mjs (@grpc/grpc-js 1.14.7 + @grpc/proto-loader 0.8.1)
/// loads protos/sto/scheduler/v1/*.proto as they are and calls the server on a loopback port.
/// </summary>
public sealed class NodeInteropTests
{
    [NodeFact]
    public async Task A_node_grpc_js_client_creates_reads_lists_and_is_denied_another_school()
    {
        Assert.True(NodeTool.Node is not null && NodeTool.Npm is not null,
            "node and npm are not on PATH, but CI=true: CI machines must have Node 20+ and npm for the Node gRPC interop test.");
        var root = NodeTool.RepositoryRoot();
        var scriptDir = Path.Combine(root, "tests", "interop", "node");
        var commonProtos = NodeTool.CommonProtosDir();
        Assert.True(File.Exists(Path.Combine(commonProtos, "google", "api", "field_behavior.proto")), $"No google/api protos under '{commonProtos}'.");
        await NodeTool.EnsurePackagesAsync(scriptDir);
        await using var app = new SchedulerAppFactory();
        var address = app.StartOnLoopback();
        await SeedAsync(app);

        var (exitCode, stdout, stderr) = await NodeTool.RunAsync(
            scriptDir, NodeTool.Node!, "client.mjs", address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            app.Token("coordinator", SchoolA), Path.Combine(root, "protos"), commonProtos);

        Assert.True(exitCode == 0, $"node exited {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
        using var json = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var result = json.RootElement;
        const string created = SchoolA + "/electiveOffers/node-solderen";
        Assert.Equal(created, result.GetProperty("created").GetProperty("name").GetString());
        Assert.Equal(2, result.GetProperty("created").GetProperty("sessions").GetInt32());
        var read = result.GetProperty("read");
        Assert.Equal(created, read.GetProperty("name").GetString());
        Assert.Equal(result.GetProperty("created").GetProperty("etag").GetString(), read.GetProperty("etag").GetString());
        Assert.Equal("Solderen vanuit Node", read.GetProperty("display_name").GetString());
        Assert.Equal(12, read.GetProperty("max_group_size").GetInt32());
        Assert.Equal("2026-W14", read.GetProperty("first_session").GetProperty("week").GetString());
        Assert.Equal(Lab, read.GetProperty("first_session").GetProperty("venue").GetString());
        Assert.Equal(13, read.GetProperty("first_session").GetProperty("start_hours").GetInt32());
        Assert.True(read.GetProperty("has_create_time").GetBoolean());
        var pages = result.GetProperty("pages").EnumerateArray().Select(p => p.EnumerateArray().Select(n => n.GetString()).ToList()).ToList();
        Assert.Equal([[Offer], [created]], pages);
        var denied = result.GetProperty("denied");
        Assert.Equal(7, denied.GetProperty("code").GetInt32());
        Assert.Equal("PERMISSION_DENIED", denied.GetProperty("code_name").GetString());
        var errorInfo = denied.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("type").GetString() == "google.rpc.ErrorInfo");
        Assert.Equal("SCOPE_DENIED", errorInfo.GetProperty("reason").GetString());
        Assert.Equal("scheduler.sto", errorInfo.GetProperty("domain").GetString());
        var invalid = result.GetProperty("invalid");
        Assert.Equal(3, invalid.GetProperty("code").GetInt32());
        Assert.Equal(["name"], invalid.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
    }
}

/// <summary>Runs only where node and npm are on PATH; skips locally otherwise but runs (and fails) when CI=true.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeTool.Node is null || NodeTool.Npm is null)
        {
            if (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Skip = "node and npm are not on PATH: the Node gRPC interop test is skipped locally (install Node 20+; with CI=true it fails instead).";
            }
        }
    }
}

internal static class NodeTool
{
    public static readonly string? Node = Find("node");
    public static readonly string? Npm = Find("npm");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sto.Scheduler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Sto.Scheduler.sln above '{AppContext.BaseDirectory}'.");
    }

    /// <summary>google/api + google/rpc protos shipped in the Google.Api.CommonProtos NuGet package (path baked in at build).</summary>
    public static string CommonProtosDir()
    {
        var baked = typeof(NodeTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "CommonProtosDir")?.Value;
        if (!string.IsNullOrEmpty(baked) && Directory.Exists(baked))
        {
            return baked;
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "google.api.commonprotos", "2.17.0", "content", "protos");
    }

    /// <summary>npm ci (exactly package-lock.json) when node_modules is missing.</summary>
    public static async Task EnsurePackagesAsync(string scriptDir)
    {
        if (Directory.Exists(Path.Combine(scriptDir, "node_modules", "@grpc", "grpc-js"))
            && Directory.Exists(Path.Combine(scriptDir, "node_modules", "@grpc", "proto-loader")))
        {
            return;
        }

        var (exitCode, stdout, stderr) = await RunAsync(scriptDir, Npm!, "ci", "--no-audit", "--no-fund");
        Assert.True(exitCode == 0, $"npm ci failed ({exitCode})\n{stdout}\n{stderr}");
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}
