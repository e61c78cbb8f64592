using System.Globalization;
using Google.OrTools.LinearSolver;
using Google.OrTools.Sat;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>
/// Translates a CP-SAT model (the proto, with its objective set) into an OR-Tools MPSolver MIP: one MIP variable per
/// CP-SAT variable (bounds from the domain, integer), linear constraints as rows, bool_or / bool_and / at_most_one /
/// exactly_one as linear rows over literals (a negated literal ¬x is 1 − x), enforcement literals by big-M from the
/// variable bounds, the objective with its offset and scaling. Anything else fails loudly.
/// Variables are named v{i} and rows c{j} (≤ 8 characters, so fixed-format MPS export keeps them).
/// </summary>
internal sealed class CpModelToMip : IDisposable
{
    private readonly CpModelProto _proto;
    private readonly double[] _lower;
    private readonly double[] _upper;

    private CpModelToMip(CpModelProto proto, Solver solver, bool relax)
    {
        _proto = proto;
        Solver = solver;
        var count = proto.Variables.Count;
        _lower = new double[count];
        _upper = new double[count];
        Variables = new Variable[count];
        for (var i = 0; i < count; i++)
        {
            var domain = proto.Variables[i].Domain;
            _lower[i] = domain[0];
            _upper[i] = domain[^1];
            var name = string.Create(CultureInfo.InvariantCulture, $"v{i}");
            Variables[i] = relax ? solver.MakeNumVar(_lower[i], _upper[i], name) : solver.MakeIntVar(_lower[i], _upper[i], name);
            if (domain.Count > 2)
            {
                // Holes in a variable's domain are not linear; the engine never emits them.
                throw new NotSupportedException($"Variable {i} ({proto.Variables[i].Name}) has a domain with holes.");
            }
        }
    }

    public Solver Solver { get; }

    public Variable[] Variables { get; }

    /// <summary>How many CP-SAT constraints of each kind were translated (and how many with enforcement literals).</summary>
    public SortedDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    public int Rows { get; private set; }

    /// <summary>Builds the MIP (or its LP relaxation when <paramref name="relax"/>) in a new MPSolver of the given id.</summary>
    public static CpModelToMip Build(CpModelProto proto, string solverId, bool relax = false)
    {
        var solver = Solver.CreateSolver(solverId) ?? throw new InvalidOperationException($"MPSolver backend {solverId} is not available.");
        var mip = new CpModelToMip(proto, solver, relax);
        mip.Translate();
        return mip;
    }

    private void Translate()
    {
        foreach (var constraint in _proto.Constraints)
        {
            var kind = constraint.ConstraintCase.ToString();
            var enforcement = constraint.EnforcementLiteral;
            Count(enforcement.Count > 0 ? kind + " (enforced)" : kind);
            switch (constraint.ConstraintCase)
            {
                case ConstraintProto.ConstraintOneofCase.Linear:
                    TranslateLinear(constraint.Linear, enforcement);
                    break;
                case ConstraintProto.ConstraintOneofCase.BoolOr:
                    // enforcement ⇒ OR(literals):  Σ lit + Σ (1 − e) ≥ 1
                    AddRow(Sum(constraint.BoolOr.Literals).Add(NotAll(enforcement)), 1, double.PositiveInfinity);
                    break;
                case ConstraintProto.ConstraintOneofCase.BoolAnd:
                    // enforcement ⇒ AND(literals): for each literal, lit + Σ (1 − e) ≥ 1
                    foreach (var literal in constraint.BoolAnd.Literals)
                    {
                        AddRow(Terms.Literal(literal).Add(NotAll(enforcement)), 1, double.PositiveInfinity);
                    }

                    break;
                case ConstraintProto.ConstraintOneofCase.AtMostOne:
                    RequireNoEnforcement(constraint);
                    AddRow(Sum(constraint.AtMostOne.Literals), double.NegativeInfinity, 1);
                    break;
                case ConstraintProto.ConstraintOneofCase.ExactlyOne:
                    RequireNoEnforcement(constraint);
                    AddRow(Sum(constraint.ExactlyOne.Literals), 1, 1);
                    break;
                default:
                    throw new NotSupportedException($"CpModelToMip cannot translate constraint kind {kind} ({constraint.Name}).");
            }
        }

        var objective = _proto.Objective ?? throw new InvalidOperationException("The CP-SAT model has no (integer) objective; call Minimize first.");
        if (_proto.FloatingPointObjective is not null)
        {
            throw new NotSupportedException("Floating-point objectives are not translated.");
        }

        var scale = objective.ScalingFactor == 0 ? 1.0 : objective.ScalingFactor;
        var terms = new Terms();
        for (var i = 0; i < objective.Vars.Count; i++)
        {
            terms.AddLiteralTerm(objective.Vars[i], objective.Coeffs[i]);
        }

        var target = Solver.Objective();
        foreach (var (index, coefficient) in terms.Coefficients)
        {
            target.SetCoefficient(Variables[index], coefficient * scale);
        }

        target.SetOffset((terms.Constant + objective.Offset) * scale);
        if (scale > 0)
        {
            target.SetMinimization();
        }
        else
        {
            throw new NotSupportedException("Maximisation objectives (negative scaling factor) are not translated.");
        }
    }

    private static void RequireNoEnforcement(ConstraintProto constraint)
    {
        if (constraint.EnforcementLiteral.Count > 0)
        {
            throw new NotSupportedException($"{constraint.ConstraintCase} with enforcement literals is not translated.");
        }
    }

    private void TranslateLinear(LinearConstraintProto linear, IList<int> enforcement)
    {
        var domain = linear.Domain;
        if (domain.Count != 2)
        {
            throw new NotSupportedException($"Linear constraint with a {domain.Count / 2}-interval domain is not translated.");
        }

        var terms = new Terms();
        for (var i = 0; i < linear.Vars.Count; i++)
        {
            terms.AddLiteralTerm(linear.Vars[i], linear.Coeffs[i]);
        }

        var lower = domain[0] == long.MinValue ? double.NegativeInfinity : domain[0];
        var upper = domain[1] == long.MaxValue ? double.PositiveInfinity : domain[1];
        if (enforcement.Count == 0)
        {
            AddRow(terms, lower, upper);
            return;
        }

        // enforcement ⇒ lower ≤ expr ≤ upper, relaxed by M · Σ (1 − e) with M from the expression's range.
        var (minimum, maximum) = Range(terms);
        if (!double.IsNegativeInfinity(lower) && minimum < lower)
        {
            AddRow(terms.Copy().Add(NotAll(enforcement), lower - minimum), lower, double.PositiveInfinity);
        }

        if (!double.IsPositiveInfinity(upper) && maximum > upper)
        {
            AddRow(terms.Copy().Add(NotAll(enforcement), upper - maximum), double.NegativeInfinity, upper);
        }
    }

    private (double Minimum, double Maximum) Range(Terms terms)
    {
        double minimum = terms.Constant, maximum = terms.Constant;
        foreach (var (index, coefficient) in terms.Coefficients)
        {
            minimum += coefficient * (coefficient > 0 ? _lower[index] : _upper[index]);
            maximum += coefficient * (coefficient > 0 ? _upper[index] : _lower[index]);
        }

        return (minimum, maximum);
    }

    private void AddRow(Terms terms, double lower, double upper)
    {
        var row = Solver.MakeConstraint(lower - terms.Constant, upper - terms.Constant, string.Create(CultureInfo.InvariantCulture, $"c{Rows++}"));
        foreach (var (index, coefficient) in terms.Coefficients)
        {
            row.SetCoefficient(Variables[index], coefficient);
        }
    }

    private static Terms Sum(IEnumerable<int> literals)
    {
        var terms = new Terms();
        foreach (var literal in literals)
        {
            terms.AddLiteralTerm(literal, 1);
        }

        return terms;
    }

    /// <summary>Σ (1 − e) over the enforcement literals: 0 when all hold, ≥ 1 otherwise.</summary>
    private static Terms NotAll(IEnumerable<int> enforcement)
    {
        var terms = new Terms();
        foreach (var literal in enforcement)
        {
            terms.AddLiteralTerm(Negate(literal), 1);
        }

        return terms;
    }

    private static int Negate(int literal) => -literal - 1;

    private void Count(string kind) => Counts[kind] = Counts.GetValueOrDefault(kind) + 1;

    /// <summary>Reads the MIP solution back as CP-SAT values (rounded to integers).</summary>
    public long[] Solution() => [.. Variables.Select(v => (long)Math.Round(v.SolutionValue()))];

    public void Dispose() => Solver.Dispose();

    /// <summary>A linear expression over CP-SAT variable indices plus a constant.</summary>
    private sealed class Terms
    {
        public Dictionary<int, double> Coefficients { get; } = [];

        public double Constant { get; private set; }

        public static Terms Literal(int literal)
        {
            var terms = new Terms();
            terms.AddLiteralTerm(literal, 1);
            return terms;
        }

        /// <summary>Adds coefficient · ref, where a negative ref −i−1 stands for the literal ¬x_i = 1 − x_i.</summary>
        public void AddLiteralTerm(int reference, double coefficient)
        {
            if (reference >= 0)
            {
                Coefficients[reference] = Coefficients.GetValueOrDefault(reference) + coefficient;
            }
            else
            {
                var index = -reference - 1;
                Constant += coefficient;
                Coefficients[index] = Coefficients.GetValueOrDefault(index) - coefficient;
            }
        }

        public Terms Add(Terms other, double factor = 1)
        {
            foreach (var (index, coefficient) in other.Coefficients)
            {
                Coefficients[index] = Coefficients.GetValueOrDefault(index) + (coefficient * factor);
            }

            Constant += other.Constant * factor;
            return this;
        }

        public Terms Copy() => new Terms().Add(this);
    }
}
