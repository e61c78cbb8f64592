using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Engine.Tests.Modeling;

public sealed class CpModelCheckerTests
{
    // Variables of CpModelToMipTests.Mixed in order: a, b, c, d, x.
    private static readonly long[] Optimum = [1, 0, 0, 1, 4];

    private static CpModelProto Proto() => CpModelToMipTests.Mixed().Model;

    [Fact]
    public void The_optimum_breaks_no_rule_and_its_objective_is_evaluated()
    {
        Assert.Empty(CpModelChecker.Violations(Proto(), Optimum));
        Assert.Equal((2 * 4) - 20 + 4, CpModelChecker.Objective(Proto(), Optimum));
    }

    [Theory]
    [InlineData(new long[] { 1, 0, 0, 1, 3 }, "Linear")] // a ⇒ x ≥ 4
    [InlineData(new long[] { 0, 0, 1, 0, 0 }, "BoolOr")] // b ∨ ¬c
    [InlineData(new long[] { 1, 1, 0, 1, 4 }, "AtMostOne")]
    [InlineData(new long[] { 0, 0, 0, 0, 0 }, "ExactlyOne")]
    [InlineData(new long[] { 1, 0, 0, 1, 11 }, "outside its domain")]
    public void A_broken_rule_is_named(long[] values, string expected)
    {
        var violations = CpModelChecker.Violations(Proto(), values);

        Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_enforced_rule_whose_literal_is_false_does_not_apply()
    {
        // a = 0: x may be below 4 and d may be true.
        Assert.Empty(CpModelChecker.Violations(Proto(), [0, 0, 0, 1, 0]));
    }

    [Fact]
    public void A_solution_of_the_wrong_length_is_reported_not_indexed()
    {
        var violation = Assert.Single(CpModelChecker.Violations(Proto(), [1, 0]));
        Assert.Contains("2 values for 5 variables", violation, StringComparison.Ordinal);
    }
}
