using Google.OrTools.Sat;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>Evaluates every constraint of a CP-SAT model on a full assignment, independently of any solver.</summary>
internal static class CpModelChecker
{
    /// <summary>The violated items (variable domains and constraints), at most <paramref name="limit"/> of them.</summary>
    public static List<string> Violations(CpModelProto proto, IReadOnlyList<long> values, int limit = 5)
    {
        var violations = new List<string>();
        if (values.Count != proto.Variables.Count)
        {
            return [$"solution has {values.Count} values for {proto.Variables.Count} variables"];
        }

        for (var i = 0; i < proto.Variables.Count && violations.Count < limit; i++)
        {
            if (!InDomain(values[i], proto.Variables[i].Domain))
            {
                violations.Add($"variable {proto.Variables[i].Name} = {values[i]} outside its domain");
            }
        }

        for (var c = 0; c < proto.Constraints.Count && violations.Count < limit; c++)
        {
            var constraint = proto.Constraints[c];
            if (!constraint.EnforcementLiteral.All(l => Literal(l, values)))
            {
                continue;
            }

            var holds = constraint.ConstraintCase switch
            {
                ConstraintProto.ConstraintOneofCase.Linear => InDomain(Evaluate(constraint.Linear, values), constraint.Linear.Domain),
                ConstraintProto.ConstraintOneofCase.BoolOr => constraint.BoolOr.Literals.Any(l => Literal(l, values)),
                ConstraintProto.ConstraintOneofCase.BoolAnd => constraint.BoolAnd.Literals.All(l => Literal(l, values)),
                ConstraintProto.ConstraintOneofCase.AtMostOne => constraint.AtMostOne.Literals.Count(l => Literal(l, values)) <= 1,
                ConstraintProto.ConstraintOneofCase.ExactlyOne => constraint.ExactlyOne.Literals.Count(l => Literal(l, values)) == 1,
                _ => throw new NotSupportedException($"CpModelChecker cannot evaluate {constraint.ConstraintCase}."),
            };
            if (!holds)
            {
                violations.Add($"constraint {c} ({constraint.ConstraintCase} {constraint.Name}) violated");
            }
        }

        return violations;
    }

    /// <summary>The model's objective value (offset and scaling applied) on a full assignment.</summary>
    public static double Objective(CpModelProto proto, IReadOnlyList<long> values)
    {
        var objective = proto.Objective;
        double sum = objective.Offset;
        for (var i = 0; i < objective.Vars.Count; i++)
        {
            var reference = objective.Vars[i];
            sum += objective.Coeffs[i] * (reference >= 0 ? values[reference] : 1 - values[-reference - 1]);
        }

        return sum * (objective.ScalingFactor == 0 ? 1 : objective.ScalingFactor);
    }

    private static long Evaluate(LinearConstraintProto linear, IReadOnlyList<long> values)
    {
        long sum = 0;
        for (var i = 0; i < linear.Vars.Count; i++)
        {
            var reference = linear.Vars[i];
            sum += linear.Coeffs[i] * (reference >= 0 ? values[reference] : 1 - values[-reference - 1]);
        }

        return sum;
    }

    private static bool Literal(int reference, IReadOnlyList<long> values) =>
        reference >= 0 ? values[reference] == 1 : values[-reference - 1] == 0;

    private static bool InDomain(long value, IList<long> domain)
    {
        for (var i = 0; i + 1 < domain.Count; i += 2)
        {
            if (value >= domain[i] && value <= domain[i + 1])
            {
                return true;
            }
        }

        return false;
    }
}
