using System.Globalization;
using Google.OrTools.Sat;

namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>
/// Asks CP-SAT for the assumptions that suffice for infeasibility (<c>sufficient_assumptions_for_infeasibility</c>),
/// then shrinks them deletion-wise: drop one, solve again under the rest; if still infeasible it was not needed (and
/// the new, smaller core is taken), if feasible it stays. What is left is a minimal set: every one is needed.
/// </summary>
internal static class CoreSearch
{
    /// <param name="model">The subject's model.</param>
    /// <param name="settings">Limits per solve.</param>
    /// <param name="outOfTime">True once the diagnosis' time budget is spent: shrinking stops, the core so far is kept.</param>
    public static (DiagnosisStatus Status, IReadOnlyList<DiagnosisAssumption> Reasons) Minimal(DiagnosisModel model, DiagnosisSettings settings, Func<bool> outOfTime)
    {
        var all = model.Assumptions;
        var (status, core) = Solve(model, all, settings);
        if (status == CpSolverStatus.Optimal || status == CpSolverStatus.Feasible)
        {
            return (DiagnosisStatus.NoRuleBlocks, []);
        }

        if (status != CpSolverStatus.Infeasible)
        {
            return (DiagnosisStatus.Undecided, []);
        }

        if (core.Count == 0)
        {
            // Impossible whatever the rules: the premise alone rules it out (e.g. no choice is a known offer).
            return (DiagnosisStatus.MinimalReasons, []);
        }

        var proven = true;
        var current = core;
        foreach (var candidate in core.OrderBy(a => a.Assumption.DropOrder).ThenBy(a => a.Assumption.Key, StringComparer.Ordinal).ToList())
        {
            if (!current.Contains(candidate))
            {
                continue;
            }

            if (outOfTime())
            {
                proven = false;
                break;
            }

            var trial = current.Where(a => a != candidate).ToList();
            var (trialStatus, trialCore) = Solve(model, trial, settings);
            if (trialStatus == CpSolverStatus.Infeasible)
            {
                current = trialCore.Count > 0 ? trialCore : trial;
            }
            else if (trialStatus is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                proven = false;
            }
        }

        return (proven ? DiagnosisStatus.MinimalReasons : DiagnosisStatus.ReasonsNotProvenMinimal, [.. current.Select(a => a.Assumption)]);
    }

    private static (CpSolverStatus Status, List<(BoolVar Literal, DiagnosisAssumption Assumption)> Core) Solve(
        DiagnosisModel model, IReadOnlyList<(BoolVar Literal, DiagnosisAssumption Assumption)> assumed, DiagnosisSettings settings)
    {
        model.Model.ClearAssumptions();
        model.Model.AddAssumptions(assumed.Select(a => (ILiteral)a.Literal));
        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"num_workers:1,random_seed:1,cp_model_presolve:false,max_deterministic_time:{settings.DeterministicSecondsPerSolve},max_time_in_seconds:{settings.SecondsPerSolve}"),
        };
        var status = solver.Solve(model.Model);
        model.Solves++;
        model.DeterministicSeconds += solver.Response?.DeterministicTime ?? 0;
        if (status != CpSolverStatus.Infeasible)
        {
            return (status, []);
        }

        var indices = solver.Response?.SufficientAssumptionsForInfeasibility.ToHashSet() ?? [];
        return (status, [.. assumed.Where(a => indices.Contains(a.Literal.GetIndex()))]);
    }
}
