// National run (issue 5): N generated regions queued as allocation runs in the service, solved by several service
// replicas (separate `dotnet Sto.Scheduler.Grpc.dll` processes) that share one PostgreSQL database and its
// SKIP LOCKED job queue. See README "National run".
//
//   dotnet run -c Release --project tests/Sto.Scheduler.NationalRun -- --regions 78 --pupils 640 --replicas 2 --seconds 20
//       [--postgres "<admin connection string>"] [--kill-one] [--lease 10] [--out file.md]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Engine.DemoData;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Mapping;
using Sto.Scheduler.Grpc.Persistence;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.NationalRun;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        NationalOptions options;
        try
        {
            options = NationalOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(NationalOptions.Usage);
            return 1;
        }

        await using var run = new NationalRunner(options);
        try
        {
            return await run.RunAsync();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"national run failed: {e}");
            return 2;
        }
    }
}

internal sealed record NationalOptions
{
    public const string Usage =
        "usage: --regions 78 --pupils 640 --replicas 2 --seconds 20 [--postgres \"<admin conn>\"] [--kill-one] [--lease 10] [--seed-base 1000] [--out file.md] [--keep-logs dir]";

    public int Regions { get; init; } = 78;
    public int Pupils { get; init; } = 640;
    public int Replicas { get; init; } = 2;
    public int Seconds { get; init; } = 20;
    public string? Postgres { get; init; }
    public bool KillOne { get; init; }
    public int LeaseSeconds { get; init; } = 10;
    public int SeedBase { get; init; } = 1000;
    public string? Out { get; init; }
    public string? KeepLogs { get; init; }

    public static NationalOptions Parse(string[] args)
    {
        var o = new NationalOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.TryParse(Next(), CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new ArgumentException($"{args[i]}: a positive integer");
            o = args[i] switch
            {
                "--regions" => o with { Regions = Int() },
                "--pupils" => o with { Pupils = Int() },
                "--replicas" => o with { Replicas = Int() },
                "--seconds" => o with { Seconds = Int() },
                "--postgres" => o with { Postgres = Next() },
                "--kill-one" => o with { KillOne = true },
                "--lease" => o with { LeaseSeconds = Int() },
                "--seed-base" => o with { SeedBase = Int() },
                "--out" => o with { Out = Next() },
                "--keep-logs" => o with { KeepLogs = Next() },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }

        if (o.KillOne && o.Replicas < 2)
        {
            throw new ArgumentException("--kill-one needs at least 2 replicas");
        }

        return o;
    }
}

/// <summary>One replica process and what its JSON log said about runs.</summary>
internal sealed class Replica(int index, Process process, int grpcPort, string logFile)
{
    public int Index { get; } = index;
    public Process Process { get; } = process;
    public int GrpcPort { get; } = grpcPort;
    public string LogFile { get; } = logFile;
    public string? Owner { get; set; }
    public bool Killed { get; set; }
    public GrpcChannel Channel { get; } = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    public ConcurrentQueue<(string Run, string Worker, int Attempt, DateTime At)> Claims { get; } = new();
    public ConcurrentQueue<(string Run, string State, double Gap, double Seconds)> Finishes { get; } = new();
    public string Name => $"replica-{Index + 1}";
}

internal sealed class NationalRunner(NationalOptions options) : IAsyncDisposable
{
    private const string Region = "regions/nl";
    private readonly string _signingKey = "national-run-dev-key-" + Guid.NewGuid().ToString("N");
    private readonly List<Replica> _replicas = [];
    private readonly ConcurrentDictionary<string, WatchRecord> _watches = new();
    private string? _pgDir;
    private string? _pgBin;
    private string? _adminConnection;
    private string? _database;
    private DevTokenIssuer? _tokens;

    private sealed class WatchRecord
    {
        public int Updates;
        public double? Tier1Gap;
        public int TierCount;
        public double LastGap;
        public string Replica = "";
    }

    public async Task<int> RunAsync()
    {
        var root = FindRepoRoot();
        var serverDll = FindServerDll(root);
        Log($"server: {serverDll}");
        _adminConnection = options.Postgres ?? await StartPostgresAsync();
        _database = $"sto_national_{Environment.ProcessId}";
        await using (var admin = new NpgsqlConnection(_adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var dbConnection = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = _database, MaxPoolSize = 10 }.ConnectionString;
        _tokens = new DevTokenIssuer(Microsoft.Extensions.Options.Options.Create(new AuthOptions { SigningKey = _signingKey }), TimeProvider.System);

        // 1. Replicas: separate processes, all migrating the same empty database at once (advisory lock).
        for (var i = 0; i < options.Replicas; i++)
        {
            _replicas.Add(StartReplica(i, serverDll, dbConnection));
        }

        foreach (var r in _replicas)
        {
            await WaitReadyAsync(r);
        }

        Log($"{_replicas.Count} replicas up: {string.Join(", ", _replicas.Select(r => $"{r.Name} pid {r.Process.Id} :{r.GrpcPort}"))}");

        // 2. Regions: generated, seeded through the DemoSeeder mapping (DemoMapping → ResourceStore), one transaction each.
        var seedWatch = Stopwatch.StartNew();
        var subregions = new string[options.Regions];
        var pupilsSeeded = 0;
        await Parallel.ForAsync(0, options.Regions, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, ct) =>
        {
            var p = DemoParameters.NationalRegion(options.SeedBase + i + 1, options.Pupils);
            var problem = DemoSubregionGenerator.Generate(p);
            var name = $"{Region}/subregions/r{i + 1:D2}";
            subregions[i] = name;
            await SeedAsync(dbConnection, problem, name, ct);
            Interlocked.Add(ref pupilsSeeded, problem.Pupils.Length);
        });
        Log($"seeded {options.Regions} regions, {pupilsSeeded} pupils in {seedWatch.Elapsed.TotalSeconds:F1} s");

        // 3. One allocation run per region through CreateAllocationRun (planner token of the subregion),
        //    spread over the replicas' gRPC endpoints.
        var wall = Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow;
        var runNames = new string[options.Regions];
        for (var i = 0; i < options.Regions; i++)
        {
            var replica = _replicas[i % _replicas.Count];
            var client = new AllocationService.AllocationServiceClient(replica.Channel);
            var created = await client.CreateAllocationRunAsync(
                new CreateAllocationRunRequest
                {
                    Parent = subregions[i],
                    AllocationRun = new AllocationRun
                    {
                        DisplayName = $"national R{i + 1}",
                        Settings = new RunSettings { TimeLimit = Duration.FromTimeSpan(TimeSpan.FromSeconds(options.Seconds)), RandomSeed = 1 },
                    },
                },
                Planner(subregions[i]));
            runNames[i] = created.Name;
        }

        Log($"created {runNames.Length} runs in {wall.Elapsed.TotalSeconds:F2} s");

        // 4. Follow: one cheap query of the queue table per tick; a WatchAllocationRun stream for every run once running.
        string? killedRun = null;
        var deadline = TimeSpan.FromSeconds(60 + (options.Regions * (options.Seconds + 5) / (double)Math.Max(1, options.Replicas - (options.KillOne ? 1 : 0))) + options.LeaseSeconds * 2);
        var watchTasks = new List<Task>();
        var lastPrint = TimeSpan.Zero;
        await using var monitorDb = new PostgresSchedulerDbContext(StorageSetup.PostgresOptions(dbConnection));
        while (true)
        {
            var rows = await monitorDb.AllocationRuns.AsNoTracking()
                .Select(r => new { r.Name, r.State, r.Attempts, r.LeaseOwner })
                .ToListAsync();
            monitorDb.ChangeTracker.Clear();
            foreach (var row in rows.Where(r => r.State == (int)State.Running && !_watches.ContainsKey(r.Name)))
            {
                var replica = _replicas.FirstOrDefault(x => x.Owner == row.LeaseOwner) ?? _replicas.First(x => !x.Killed);
                var record = new WatchRecord { Replica = replica.Name };
                if (_watches.TryAdd(row.Name, record))
                {
                    watchTasks.Add(WatchAsync(row.Name, _replicas.First(x => !x.Killed), record));
                }
            }

            var done = rows.Count(r => r.State is (int)State.Succeeded or (int)State.Failed or (int)State.Cancelled);
            if (options.KillOne && killedRun is null && done >= options.Regions / 4)
            {
                var victim = _replicas[0];
                var owned = rows.FirstOrDefault(r => r.State == (int)State.Running && victim.Owner is not null && r.LeaseOwner == victim.Owner);
                if (owned is not null)
                {
                    victim.Process.Kill(entireProcessTree: true); // SIGKILL: no graceful release, the lease must expire
                    victim.Killed = true;
                    killedRun = owned.Name;
                    Log($"KILLED {victim.Name} (pid {victim.Process.Id}, SIGKILL) while it held {owned.Name}; lease {options.LeaseSeconds} s");
                }
            }

            if (wall.Elapsed - lastPrint >= TimeSpan.FromSeconds(5) || done == options.Regions)
            {
                lastPrint = wall.Elapsed;
                Log($"t={wall.Elapsed.TotalSeconds,6:F1} s  queued {rows.Count(r => r.State == (int)State.Queued),3}  running {rows.Count(r => r.State == (int)State.Running),2}  done {done,3}/{options.Regions}");
            }

            if (done == options.Regions)
            {
                break;
            }

            if (wall.Elapsed > deadline)
            {
                Log($"TIMEOUT after {wall.Elapsed.TotalSeconds:F0} s");
                break;
            }

            await Task.Delay(250);
        }

        var wallSeconds = wall.Elapsed.TotalSeconds;
        await Task.WhenAny(Task.WhenAll(watchTasks), Task.Delay(5000));
        await Task.Delay(500); // let the last log lines arrive

        // 5. Read back through the API (GetAllocationRun) and cross-check with the replicas' logs.
        var alive = _replicas.First(x => !x.Killed);
        var client2 = new AllocationService.AllocationServiceClient(alive.Channel);
        var runs = new List<AllocationRun>();
        foreach (var name in runNames)
        {
            runs.Add(await client2.GetAllocationRunAsync(new GetAllocationRunRequest { Name = name }, Planner(ResourcePattern.Ancestor(name, 2))));
        }

        var report = Report(runs, killedRun, wallSeconds, startedAt, pupilsSeeded);
        Console.WriteLine();
        Console.WriteLine(report.Text);
        if (options.Out is { } outFile)
        {
            await File.WriteAllTextAsync(outFile, report.Text);
            Log($"report written to {outFile}");
        }

        return report.Ok ? 0 : 3;
    }

    private (string Text, bool Ok) Report(List<AllocationRun> runs, string? killedRun, double wallSeconds, DateTime startedAt, int pupilsSeeded)
    {
        var claims = _replicas.SelectMany(r => r.Claims.Select(c => (Replica: r, c.Run, c.Attempt))).ToList();
        var finishes = _replicas.SelectMany(r => r.Finishes.Select(f => (Replica: r, f.Run, f.State, f.Gap, f.Seconds))).ToList();
        var claimsPerRun = claims.GroupBy(c => c.Run).ToDictionary(g => g.Key, g => g.ToList());
        var finishesPerRun = finishes.GroupBy(f => f.Run).ToDictionary(g => g.Key, g => g.ToList());

        var succeeded = runs.Count(r => r.State == State.Succeeded);
        var lost = runs.Where(r => r.State != State.Succeeded).Select(r => r.Name).ToList();
        var ranTwice = runs.Where(r => finishesPerRun.GetValueOrDefault(r.Name)?.Count > 1).Select(r => r.Name).ToList();
        var claimMismatch = runs.Where(r => (claimsPerRun.GetValueOrDefault(r.Name)?.Count ?? 0) != r.AttemptCount).Select(r => r.Name).ToList();
        var attemptsOk = runs.Where(r => r.Name != killedRun).All(r => r.AttemptCount == 1)
            && (killedRun is null || runs.Single(r => r.Name == killedRun).AttemptCount == 2);
        var gaps = finishes.Where(f => f.State == "SUCCEEDED").Select(f => f.Gap).Order().ToList();
        // The final tier-1 result the run keeps (finished_tiers); a watch can miss a tier's last reports between polls.
        var tier1 = runs.Select(r => r.Progress?.FinishedTiers.FirstOrDefault(t => t.TierNumber == 1)?.Gap
                ?? (_watches.TryGetValue(r.Name, out var watch) ? watch.Tier1Gap : null))
            .Where(g => g is not null).Select(g => g!.Value).Order().ToList();
        var optimal = runs.Count(r => r.SolveStatus == SolveStatus.Optimal);
        var within = gaps.Count(g => g <= 0.005 + 1e-9);
        var pupils = runs.Sum(r => r.Quality?.PupilCount ?? 0);
        var placed = runs.Sum(r => r.Quality?.PlacedCount ?? 0);
        var unplaced = runs.Sum(r => r.Quality?.UnplacedCount ?? 0);
        var buses = runs.Sum(r => r.Quality?.BusAfternoonCount ?? 0);
        var solveSeconds = finishes.Where(f => f.State == "SUCCEEDED").Select(f => f.Seconds).Order().ToList();
        var first = runs.Min(r => r.CreateTime.ToDateTime());
        var last = runs.Where(r => r.EndTime is not null).Select(r => r.EndTime.ToDateTime()).DefaultIfEmpty(first).Max();
        var apiWall = (last - first).TotalSeconds;
        var minutes = apiWall / 60.0;

        var sb = new StringBuilder();
        var cores = Environment.ProcessorCount;
        sb.AppendLine(CultureInfo.InvariantCulture, $"## National run: {runs.Count} regions × {options.Pupils} pupils, {options.Replicas} replicas, {cores} cores");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {cores} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}; PostgreSQL job queue (SKIP LOCKED), {options.Replicas} replica processes × 1 solve at a time × 1 CP-SAT worker; time limit {options.Seconds} s per run; lease {options.LeaseSeconds} s{(killedRun is null ? "" : "; one replica SIGKILLed mid-run")}.");
        sb.AppendLine();
        sb.AppendLine("| metric | value |");
        sb.AppendLine("|---|---|");
        void Row(string k, string v) => sb.AppendLine(CultureInfo.InvariantCulture, $"| {k} | {v} |");
        Row("cores", cores.ToString(CultureInfo.InvariantCulture));
        Row("regions (runs) / pupils seeded", $"{runs.Count} / {pupilsSeeded:N0}");
        Row("wall: first CreateAllocationRun → last run done (client clock)", $"**{wallSeconds:F1} s**");
        Row("wall: min create_time → max end_time (server)", $"{apiWall:F1} s");
        Row("succeeded / failed or lost", $"{succeeded} / {lost.Count}{(lost.Count > 0 ? " (" + string.Join(", ", lost) + ")" : "")}");
        Row("runs finished twice (RunFinished logged > 1×)", ranTwice.Count == 0 ? "0" : string.Join(", ", ranTwice));
        Row("attempt_count", string.Join(", ", runs.GroupBy(r => r.AttemptCount).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()} runs")));
        Row("claims in logs = attempt_count for every run", claimMismatch.Count == 0 ? "yes" : "NO: " + string.Join(", ", claimMismatch));
        foreach (var r in _replicas)
        {
            var done = finishes.Count(f => f.Replica == r && f.State == "SUCCEEDED");
            var claimed = claims.Count(c => c.Replica == r);
            Row($"{r.Name}{(r.Killed ? " (killed)" : "")}: claimed / finished / runs per minute", $"{claimed} / {done} / {(minutes > 0 ? done / minutes : 0):F1}");
        }

        Row("runs per minute, all replicas", $"{(minutes > 0 ? succeeded / minutes : 0):F1}");
        if (killedRun is not null)
        {
            var k = runs.Single(r => r.Name == killedRun);
            var who = claimsPerRun.GetValueOrDefault(killedRun) ?? [];
            Row("killed replica's run", $"{killedRun}: state {k.State}, attempt_count {k.AttemptCount}, claimed by {string.Join(" then ", who.OrderBy(c => c.Attempt).Select(c => c.Replica.Name))}");
        }

        Row("pupils in results / placed / unplaced", $"{pupils:N0} / {placed:N0} / {unplaced:N0}");
        Row("bus afternoons (Σ)", buses.ToString(CultureInfo.InvariantCulture));
        Row("solve status OPTIMAL (every tier ≤ 0.5 %)", $"{optimal} / {runs.Count}");
        Row("worst-tier gap per run (max over all tiers): median / max (RunFinished log)", gaps.Count == 0 ? "—" : $"{Median(gaps):P2} / {gaps[^1]:P2}; {within} / {gaps.Count} runs ≤ 0.5 %");
        Row("tier-1 gap per run: median / max (final finished_tiers of each run)", tier1.Count == 0 ? "—" : $"{Median(tier1):P2} / {tier1[^1]:P2} ({tier1.Count} runs)");
        Row("solve seconds per run: median / max", solveSeconds.Count == 0 ? "—" : $"{Median(solveSeconds):F2} / {solveSeconds[^1]:F2}");
        Row("progress updates streamed (WatchAllocationRun)", $"{_watches.Values.Sum(w => w.Updates)} over {_watches.Count} runs");
        sb.AppendLine();
        var ok = lost.Count == 0 && ranTwice.Count == 0 && claimMismatch.Count == 0 && attemptsOk;
        sb.AppendLine(CultureInfo.InvariantCulture, $"Exactly-once: {(ok ? (killedRun is null ? "every run claimed once, finished once, none lost" : "every run claimed once except the killed replica's run (claimed twice, finished once), none lost") : "VIOLATED, see above")}.");
        return (sb.ToString(), ok);
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private async Task WatchAsync(string run, Replica replica, WatchRecord record)
    {
        try
        {
            var client = new AllocationService.AllocationServiceClient(replica.Channel);
            using var call = client.WatchAllocationRun(new WatchAllocationRunRequest { Name = run }, Planner(ResourcePattern.Ancestor(run, 2)));
            await foreach (var update in call.ResponseStream.ReadAllAsync())
            {
                record.Updates++;
                if (update.Progress is { } p)
                {
                    record.LastGap = p.Gap;
                    record.TierCount = p.TierCount;
                    if (p.TierNumber == 1)
                    {
                        record.Tier1Gap = p.Gap;
                    }
                }

                if (update.State is State.Succeeded or State.Failed or State.Cancelled)
                {
                    break;
                }
            }
        }
        catch (RpcException)
        {
            // The stream's replica died (kill-one) or the server closed it; the final state is read back at the end.
        }
    }

    private Metadata Planner(string subregion) => new() { { "Authorization", "Bearer " + _tokens!.Issue(Roles.Planner, subregion) } };

    private static async Task SeedAsync(string connection, Sto.Scheduler.Engine.Domain.SchedulingProblem problem, string name, CancellationToken ct)
    {
        var (subregion, sources) = DemoMapping.ToResources(problem, name);
        await using var db = new PostgresSchedulerDbContext(StorageSetup.PostgresOptions(connection));
        var store = new ResourceStore(db, TimeProvider.System);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await store.CreateAsync(subregion.Name, ResourcePattern.Ancestor(subregion.Name, 2), subregion.Name, subregion, ct);
        await UpsertAsync(store, subregion.Name, sources.Schools, ct);
        await UpsertAsync(store, subregion.Name, sources.Venues, ct);
        await UpsertAsync(store, subregion.Name, sources.Kits, ct);
        await UpsertAsync(store, subregion.Name, sources.Offers, ct);
        await UpsertAsync(store, subregion.Name, sources.Staff, ct);
        await UpsertAsync(store, subregion.Name, sources.Pupils, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task UpsertAsync<T>(ResourceStore store, string subregion, IReadOnlyList<T> items, CancellationToken ct)
        where T : IMessage<T>, new()
    {
        foreach (var group in items.GroupBy(i => ResourcePattern.Ancestor(ProtoFields.GetString(i, "name"), 2)))
        {
            await store.UpsertAllAsync(group.Key, subregion, [.. group.Select(i => (ProtoFields.GetString(i, "name"), i))], ct);
        }
    }

    private Replica StartReplica(int index, string serverDll, string dbConnection)
    {
        var grpcPort = FreePort();
        var webPort = FreePort();
        var logDir = options.KeepLogs ?? Path.Combine(Path.GetTempPath(), $"sto-national-{Environment.ProcessId}");
        Directory.CreateDirectory(logDir);
        var logFile = Path.Combine(logDir, $"replica-{index + 1}.log");
        var start = new ProcessStartInfo("dotnet", [serverDll])
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env.TryAdd("MALLOC_ARENA_MAX", "2"); // README "Memory": fewer glibc arenas, lower peak memory of CP-SAT runs
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["Storage__Provider"] = "Postgres";
        env["Storage__ConnectionString"] = dbConnection;
        env["Auth__SigningKey"] = _signingKey;
        env["Demo__SeedOnStart"] = "false";
        env["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}";
        env["Kestrel__Endpoints__Web__Url"] = $"http://127.0.0.1:{webPort}";
        env["Solver__Workers"] = "1";
        env["Solver__LeaseDuration"] = TimeSpan.FromSeconds(options.LeaseSeconds).ToString("c", CultureInfo.InvariantCulture);
        env["Solver__PollInterval"] = "00:00:00.200";
        env["Solver__ProgressInterval"] = "00:00:00.250";
        env["Solver__WatchInterval"] = "00:00:00.250";
        env["Logging__Console__FormatterName"] = "json";
        env["Logging__LogLevel__Default"] = "Information";
        env["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a replica");
        var replica = new Replica(index, process, grpcPort, logFile);
        var writer = new StreamWriter(logFile) { AutoFlush = true };
        var gate = new object();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                writer.WriteLine(line);
            }

            ParseLog(replica, line);
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return replica;
    }

    private static void ParseLog(Replica replica, string line)
    {
        if (!line.StartsWith('{'))
        {
            return;
        }

        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (!root.TryGetProperty("State", out var state) || !root.TryGetProperty("EventId", out var eventId))
            {
                return;
            }

            string S(string p) => state.TryGetProperty(p, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText()) : "";
            double D(string p) => double.TryParse(S(p), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
            switch (eventId.GetInt32())
            {
                case 3001:
                    replica.Owner = S("Worker");
                    replica.Claims.Enqueue((S("Run"), S("Worker"), (int)D("Attempt"), DateTime.UtcNow));
                    break;
                case 3002:
                    replica.Finishes.Enqueue((S("Run"), S("State"), D("Gap"), D("Seconds")));
                    break;
            }
        }
        catch (JsonException)
        {
        }
    }

    private async Task WaitReadyAsync(Replica r)
    {
        var client = new SubregionService.SubregionServiceClient(r.Channel);
        var probe = $"{Region}/subregions/probe";
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (r.Process.HasExited)
            {
                throw new InvalidOperationException($"{r.Name} exited with {r.Process.ExitCode}; log {r.LogFile}");
            }

            try
            {
                await client.GetSubregionAsync(new GetSubregionRequest { Name = probe }, Planner(probe), deadline: DateTime.UtcNow.AddSeconds(5));
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return;
            }
            catch (RpcException) when (watch.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(250);
            }
        }
    }

    private async Task<string> StartPostgresAsync()
    {
        _pgBin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderBy(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0)).LastOrDefault()
            : null;
        if (_pgBin is null)
        {
            throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql/*/bin; install postgresql or pass --postgres \"<conn>\".");
        }

        var port = FreePort();
        _pgDir = Directory.CreateTempSubdirectory("sto-national-pg.").FullName;
        var root = Environment.UserName == "root";
        if (root)
        {
            await ShellAsync("chown", ["postgres", _pgDir]);
        }

        await AsPgAsync(Path.Combine(_pgBin, "initdb"), ["-D", $"{_pgDir}/data", "-A", "trust", "-U", "sto", "--no-locale", "-E", "UTF8"]);
        await AsPgAsync(Path.Combine(_pgBin, "pg_ctl"),
        [
            "-D", $"{_pgDir}/data", "-l", $"{_pgDir}/server.log", "-w", "-t", "60", "start", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {_pgDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
        ]);
        Log($"PostgreSQL ({_pgBin}) on 127.0.0.1:{port}, data in {_pgDir}");
        return $"Host=127.0.0.1;Port={port};Username=sto;Database=postgres";
    }

    private static Task AsPgAsync(string file, string[] args) =>
        Environment.UserName == "root" ? ShellAsync("runuser", ["-u", "postgres", "--", file, .. args]) : ShellAsync(file, args);

    private static async Task ShellAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sto.Scheduler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sto.Scheduler.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The server built with this program (the ProjectReference builds it in the same configuration).</summary>
    private static string FindServerDll(string root)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Parent?.Name ?? "Release";
        foreach (var c in new[] { configuration, "Release", "Debug" })
        {
            var dll = Path.Combine(root, "src", "Sto.Scheduler.Grpc", "bin", c, "net10.0", "Sto.Scheduler.Grpc.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new InvalidOperationException("Sto.Scheduler.Grpc.dll not built; run dotnet build -c Release src/Sto.Scheduler.Grpc");
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss.f}] {message}");

    public async ValueTask DisposeAsync()
    {
        foreach (var r in _replicas.Where(r => !r.Process.HasExited))
        {
            try
            {
                r.Process.Kill(entireProcessTree: true);
                await r.Process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
            }
        }

        foreach (var r in _replicas)
        {
            r.Channel.Dispose();
        }

        if (_adminConnection is not null && _database is not null && options.Postgres is not null)
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(_adminConnection);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e)
            {
                Log($"could not drop {_database}: {e.Message}");
            }
        }

        if (_pgDir is not null && _pgBin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await AsPgAsync(Path.Combine(_pgBin, "pg_ctl"), ["-D", $"{_pgDir}/data", "-m", "fast", "-w", "stop"]);
            }
            catch (InvalidOperationException e)
            {
                Log(e.Message);
            }

            Directory.Delete(_pgDir, recursive: true);
        }
    }
}
