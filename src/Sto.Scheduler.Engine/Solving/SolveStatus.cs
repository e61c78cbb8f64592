namespace Sto.Scheduler.Engine.Solving;

/// <summary>How far the search got.</summary>
public enum SolveStatus
{
    /// <summary>Every tier proven optimal (or within the gap limit).</summary>
    Optimal = 1,

    /// <summary>A valid allocation, but at least one tier was stopped by the limit before its proof.</summary>
    Feasible = 2,

    /// <summary>Stopped by cancellation; the best allocation so far is returned.</summary>
    Cancelled = 3,
}
