using Google.OrTools.Sat;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>A tier expression as CP-SAT sees it (flattened to an objective proto), and its value on a complete assignment.</summary>
internal static class TierObjective
{
    /// <summary>The expression flattened to an objective proto over the model's variables (by a scratch model).</summary>
    public static CpObjectiveProto Flatten(LinearExpr expression)
    {
        var scratch = new CpModel();
        scratch.Minimize(expression);
        return scratch.Model.Objective;
    }

    /// <summary>The value of a flattened objective on a complete assignment.</summary>
    public static long Evaluate(CpObjectiveProto objective, IReadOnlyList<long> values)
    {
        var sum = (long)Math.Round(objective.Offset);
        for (var i = 0; i < objective.Vars.Count; i++)
        {
            var reference = objective.Vars[i];
            var value = reference >= 0 ? values[reference] : 1 - values[-reference - 1];
            sum += objective.Coeffs[i] * value;
        }

        return sum;
    }

    /// <summary>The value of a tier expression on a complete assignment.</summary>
    public static long Evaluate(LinearExpr expression, IReadOnlyList<long> values) => Evaluate(Flatten(expression), values);
}
