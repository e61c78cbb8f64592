namespace Sto.Scheduler.Engine.Solving;

/// <summary>A starting assignment for CP-SAT (value per variable index; −1 = not hinted) and what it achieves.</summary>
internal sealed record SolverHint(long[] Values, int Unplaced, long RankCost);
