using Google.OrTools.LinearSolver;
using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Engine.Tests.Modeling;

public sealed class CpModelToMipTests
{
    /// <summary>
    /// Every constraint kind the translation knows, negated literals and an enforced row included; the optimum forces
    /// the enforced row to bind (a ⇒ x ≥ 4) and the negated literal ¬c in b ∨ ¬c to decide c.
    /// </summary>
    internal static CpModel Mixed()
    {
        var model = new CpModel();
        var a = model.NewBoolVar("a");
        var b = model.NewBoolVar("b");
        var c = model.NewBoolVar("c");
        var d = model.NewBoolVar("d");
        var x = model.NewIntVar(0, 10, "x");
        model.Add(x >= 4).OnlyEnforceIf(a);
        model.AddBoolOr([b, c.Not()]);
        model.AddAtMostOne([a, b]);
        model.AddExactlyOne([c, d]);
        model.AddBoolAnd([d.Not()]).OnlyEnforceIf(b);
        model.Add(x + (2 * c) <= 9);
        model.Minimize((2 * x) - (20 * a) - (3 * b) + 4 - (4 * c)); // the constant exercises the objective offset
        return model;
    }

    [Fact]
    public void The_MIP_has_the_same_optimum_as_the_CP_SAT_model()
    {
        var model = Mixed();
        using var cp = new CpSolver();
        Assert.Equal(CpSolverStatus.Optimal, cp.Solve(model));

        using var mip = CpModelToMip.Build(model.Model, "CBC");
        Assert.Equal(Solver.ResultStatus.OPTIMAL, mip.Solver.Solve());

        Assert.Equal(cp.ObjectiveValue, mip.Solver.Objective().Value(), 6);
        Assert.Empty(CpModelChecker.Violations(model.Model, mip.Solution()));
        Assert.Equal(cp.ObjectiveValue, CpModelChecker.Objective(model.Model, mip.Solution()), 6);
    }

    [Fact]
    public void The_relaxation_is_a_lower_bound_of_the_optimum()
    {
        var model = Mixed();
        using var cp = new CpSolver();
        cp.Solve(model);

        using var lp = CpModelToMip.Build(model.Model, "GLOP", relax: true);
        Assert.Equal(Solver.ResultStatus.OPTIMAL, lp.Solver.Solve());

        Assert.True(lp.Solver.Objective().Value() <= cp.ObjectiveValue + 1e-6);
    }

    [Fact]
    public void A_model_without_an_objective_is_refused()
    {
        var model = new CpModel();
        model.NewBoolVar("a");

        var error = Assert.Throws<InvalidOperationException>(() => CpModelToMip.Build(model.Model, "CBC"));
        Assert.Contains("objective", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_domain_with_holes_is_refused_naming_the_variable()
    {
        var model = new CpModel();
        var x = model.NewIntVarFromDomain(Google.OrTools.Util.Domain.FromValues([0, 2, 5]), "gappy");
        model.Minimize(x);

        var error = Assert.Throws<NotSupportedException>(() => CpModelToMip.Build(model.Model, "CBC"));
        Assert.Contains("gappy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_backend_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CpModelToMip.Build(Mixed().Model, "NO-SUCH-SOLVER"));
        Assert.Contains("NO-SUCH-SOLVER", error.Message, StringComparison.Ordinal);
    }
}
