using System.ComponentModel.DataAnnotations;

namespace Sto.Scheduler.Grpc.Hosting;

/// <summary>How the server runs allocation jobs, section "Solver".</summary>
public sealed class SolverOptions
{
    public const string Section = "Solver";

    /// <summary>Default time limit of a run when the request sets none.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DefaultTimeLimit { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>CP-SAT workers per run.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 2;

    /// <summary>
    /// Run CBC beside CP-SAT on a region-sized first tier (over 10,000 candidate pairs, at least 40 s): proves the gap
    /// CP-SAT alone leaves open there, at the cost of a third thread and up to about 0.8 GB more memory while it runs.
    /// </summary>
    public bool MipCompanion { get; set; } = true;

    /// <summary>How often an idle worker looks for queued runs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim holds; renewed while solving, reclaimed by anyone after a crash.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Progress is written to storage at most this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// While a tier searches, its best plan so far is kept with the run at most this often, so a run whose replica
    /// crashes continues from it instead of from the last ended tier (tier ends are always kept).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A run picked up this many times without finishing is failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How often streams (Watch*) look for changes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long CancelAllocationRun waits for a running run to stop before it returns the run as it is.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CancelWait { get; set; } = TimeSpan.FromSeconds(5);
}
