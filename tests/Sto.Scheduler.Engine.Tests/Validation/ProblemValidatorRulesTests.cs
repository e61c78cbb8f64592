using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Validation;

public sealed class ProblemValidatorRulesTests
{
    [Theory]
    [InlineData("rules.pupilsPerStaffMember")]
    [InlineData("rules.busThresholdKm")]
    [InlineData("rules.busSeatCount")]
    [InlineData("rules.maxPlacementsPerPupil")]
    [InlineData("rules.maxExternalPlacementsPerPupil")]
    [InlineData("rules.changeoverMinutes")]
    [InlineData("rules.travel.roadDetourFactor")]
    [InlineData("rules.travel.bikeMinutesPerKm")]
    [InlineData("rules.travel.busFixedMinutes")]
    [InlineData("rules.travel.busMinutesPerKm")]
    [InlineData("rules.travel.carFixedMinutes")]
    [InlineData("rules.travel.carMinutesPerKm")]
    [InlineData("rules.objective.unplacedWeight")]
    [InlineData("rules.objective.preferenceWeight")]
    [InlineData("rules.objective.busCostInTravelMinutes")]
    [InlineData("rules.objective.travelWeight")]
    [InlineData("rules.objective.groupCostInStaffAfternoons")]
    [InlineData("rules.objective.staffingWeight")]
    [InlineData("rules.objective.rankCosts[1]")]
    public void Validate_reports_a_rule_below_its_minimum(string path)
    {
        var problem = ValidProblem.Create().WithRules(r => Break(r, path));

        IssueAssert.Single(problem, path, IssueCodes.ValueOutOfRange);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.0)]
    public void Validate_reports_a_travel_model_value_that_is_not_a_positive_number(double value)
    {
        var problem = ValidProblem.Create().WithRules(r => r with { Travel = r.Travel with { BusMinutesPerKm = value } });

        IssueAssert.Single(problem, "rules.travel.busMinutesPerKm", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_accepts_the_edge_values_of_the_rules()
    {
        var problem = ValidProblem.Create().WithRules(r => r with
        {
            PupilsPerStaffMember = 1,
            BusThresholdKm = 0,
            BusSeatCount = 1,
            MaxPlacementsPerPupil = 1,
            MaxExternalPlacementsPerPupil = 0,
            ChangeoverMinutes = 0,
            Travel = r.Travel with { BusFixedMinutes = 0, CarFixedMinutes = 0 },
            Objective = r.Objective with { RankCosts = [0, 0, 0], UnplacedWeight = 0, StaffingWeight = 0 },
        });

        IssueAssert.None(problem);
    }

    [Fact]
    public void Validate_reports_empty_rank_costs()
    {
        var problem = ValidProblem.Create().WithRules(r => r with { Objective = r.Objective with { RankCosts = [] } });

        IssueAssert.Single(problem, "rules.objective.rankCosts", IssueCodes.NoRankCosts);
    }

    [Fact]
    public void Validate_reports_rank_maximal_preference_in_weighted_mode()
    {
        var problem = ValidProblem.Create().WithRules(r => r with { Objective = r.Objective with { RankMaximal = true, Mode = ObjectiveMode.Weighted } });

        IssueAssert.Single(problem, "rules.objective.rankMaximal", IssueCodes.RankMaximalNeedsLexicographic);
    }

    [Fact]
    public void Validate_allows_rank_maximal_preference_in_lexicographic_mode()
    {
        IssueAssert.None(ValidProblem.Create().WithRules(r => r with { Objective = r.Objective with { RankMaximal = true } }));
    }

    [Fact]
    public void Validate_reports_a_rank_cost_above_the_largest_the_solver_weighs_exactly()
    {
        var problem = ValidProblem.Create().WithRules(r => r with { Objective = r.Objective with { RankCosts = [0, 10_000, 10_001] } });

        var issue = IssueAssert.Single(problem, "rules.objective.rankCosts[2]", IssueCodes.ValueOutOfRange);
        Assert.Equal("The cost of rank 3 is 10001; it may be at most 10000.", issue.Message);
    }

    [Fact]
    public void Validate_reports_a_rank_cost_below_the_one_before_it()
    {
        var problem = ValidProblem.Create().WithRules(r => r with { Objective = r.Objective with { RankCosts = [0, 3, 1, 6] } });

        var issue = IssueAssert.Single(problem, "rules.objective.rankCosts[2]", IssueCodes.RankCostsDecreasing);
        Assert.Equal("The cost of rank 3 is 1, below the cost of rank 2 (3); a worse rank may not cost less.", issue.Message);
    }

    [Fact]
    public void Validate_reports_an_undefined_staff_kind_counting_for_the_ratio()
    {
        var problem = ValidProblem.Create().WithRules(r => r with { StaffKindsCountingForRatio = [StaffKind.Docent, (StaffKind)0] });

        IssueAssert.Single(problem, "rules.staffKindsCountingForRatio[1]", IssueCodes.InvalidEnumValue);
    }

    private static RegionRules Break(RegionRules rules, string path) => path switch
    {
        "rules.pupilsPerStaffMember" => rules with { PupilsPerStaffMember = 0 },
        "rules.busThresholdKm" => rules with { BusThresholdKm = -0.5 },
        "rules.busSeatCount" => rules with { BusSeatCount = 0 },
        "rules.maxPlacementsPerPupil" => rules with { MaxPlacementsPerPupil = 0 },
        "rules.maxExternalPlacementsPerPupil" => rules with { MaxExternalPlacementsPerPupil = -1 },
        "rules.changeoverMinutes" => rules with { ChangeoverMinutes = -5 },
        "rules.travel.roadDetourFactor" => rules with { Travel = rules.Travel with { RoadDetourFactor = 0 } },
        "rules.travel.bikeMinutesPerKm" => rules with { Travel = rules.Travel with { BikeMinutesPerKm = -4 } },
        "rules.travel.busFixedMinutes" => rules with { Travel = rules.Travel with { BusFixedMinutes = -1 } },
        "rules.travel.busMinutesPerKm" => rules with { Travel = rules.Travel with { BusMinutesPerKm = 0 } },
        "rules.travel.carFixedMinutes" => rules with { Travel = rules.Travel with { CarFixedMinutes = -1 } },
        "rules.travel.carMinutesPerKm" => rules with { Travel = rules.Travel with { CarMinutesPerKm = 0 } },
        "rules.objective.unplacedWeight" => rules with { Objective = rules.Objective with { UnplacedWeight = -1 } },
        "rules.objective.preferenceWeight" => rules with { Objective = rules.Objective with { PreferenceWeight = -1 } },
        "rules.objective.busCostInTravelMinutes" => rules with { Objective = rules.Objective with { BusCostInTravelMinutes = -1 } },
        "rules.objective.travelWeight" => rules with { Objective = rules.Objective with { TravelWeight = -1 } },
        "rules.objective.groupCostInStaffAfternoons" => rules with { Objective = rules.Objective with { GroupCostInStaffAfternoons = -1 } },
        "rules.objective.staffingWeight" => rules with { Objective = rules.Objective with { StaffingWeight = -1 } },
        "rules.objective.rankCosts[1]" => rules with { Objective = rules.Objective with { RankCosts = ImmutableArray.Create(0, -1, 3) } },
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "No way to break this rule."),
    };
}
