using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Validation;

public sealed class ProblemValidatorTravelTests
{
    [Fact]
    public void Validate_reports_a_leg_from_an_unknown_site()
    {
        var problem = ValidProblem.Create().WithTravelLeg(0, l => l with { From = "station" });

        IssueAssert.Single(problem, "travelLegs[0].from", IssueCodes.UnknownSite);
    }

    [Fact]
    public void Validate_reports_a_leg_without_an_end_site()
    {
        var problem = ValidProblem.Create().WithTravelLeg(0, l => l with { To = "" });

        IssueAssert.Single(problem, "travelLegs[0].to", IssueCodes.MissingValue);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Validate_reports_a_distance_that_is_not_a_non_negative_number(double km)
    {
        var problem = ValidProblem.Create().WithTravelLeg(0, l => l with { DistanceKm = km });

        IssueAssert.Single(problem, "travelLegs[0].distanceKm", IssueCodes.ValueOutOfRange);
    }

    [Fact]
    public void Validate_reports_negative_minutes_per_mode()
    {
        var problem = ValidProblem.Create().WithTravelLeg(0, l => l with { BikeMinutes = -1, BusMinutes = -1, CarMinutes = -1 });

        var issues = ProblemValidator.Validate(problem);

        Assert.Equal(
            ["travelLegs[0].bikeMinutes", "travelLegs[0].busMinutes", "travelLegs[0].carMinutes"],
            issues.Select(i => i.Path));
        Assert.All(issues, i => Assert.Equal(IssueCodes.ValueOutOfRange, i.Code));
    }

    [Fact]
    public void Validate_reports_the_same_leg_given_twice()
    {
        var problem = ValidProblem.Create() with { TravelLegs = ValidProblem.Create().TravelLegs.Add(ValidProblem.Create().TravelLegs[0]) };

        var issue = IssueAssert.Single(problem, "travelLegs[1]", IssueCodes.DuplicateTravelLeg);
        Assert.Equal("The travel leg from 'north' to 'acme-hotspot' is already given by travelLegs[0].", issue.Message);
    }

    [Fact]
    public void Validate_accepts_a_leg_and_its_reverse()
    {
        var leg = ValidProblem.Create().TravelLegs[0];
        var problem = ValidProblem.Create() with { TravelLegs = [leg, leg with { From = leg.To, To = leg.From }] };

        IssueAssert.None(problem);
    }
}
