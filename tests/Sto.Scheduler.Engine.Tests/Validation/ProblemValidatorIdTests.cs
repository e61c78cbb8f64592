using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;

namespace Sto.Scheduler.Engine.Tests.Validation;

public sealed class ProblemValidatorIdTests
{
    [Fact]
    public void Validate_reports_an_empty_id()
    {
        var problem = ValidProblem.Create().WithStaffMember(1, s => s with { Id = new StaffId("") });

        IssueAssert.Single(problem, "staff[1].id", IssueCodes.MissingId);
    }

    [Fact]
    public void Validate_reports_an_id_with_whitespace_but_accepts_any_letter_case()
    {
        var problem = ValidProblem.Create()
            .WithPupil(0, p => p with { Id = new PupilId("p 001") })
            .WithPupil(1, p => p with { Id = new PupilId("P-002") });

        var issue = IssueAssert.Single(problem, "pupils[0].id", IssueCodes.InvalidId);
        Assert.Contains("'p 001'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_a_duplicate_id_on_the_later_entry()
    {
        var problem = ValidProblem.Create().WithPupil(2, p => p with { Id = new PupilId("p-001") });

        var issue = IssueAssert.Single(problem, "pupils[2].id", IssueCodes.DuplicateId);
        Assert.Equal("Pupil id 'p-001' is already used by pupils[0].id.", issue.Message);
    }

    [Fact]
    public void Validate_reports_a_duplicate_kit_id()
    {
        var problem = ValidProblem.Create() with { Kits = ValidProblem.Create().Kits.Add(ValidProblem.Create().Kits[0]) };

        IssueAssert.Single(problem, "kits[1].id", IssueCodes.DuplicateId);
    }

    [Fact]
    public void Validate_reports_a_venue_with_the_id_of_a_school()
    {
        var problem = ValidProblem.Create()
            .WithVenue(1, v => v with { Id = new VenueId("south") })
            .WithSession(1, 0, s => s with { Venue = new VenueId("south") })
            .WithSession(1, 1, s => s with { Venue = new VenueId("south") })
            .WithStaffMember(1, s => s with { BaseSite = "south" })
            .WithTravelLeg(0, l => l with { To = "south" });

        IssueAssert.Single(problem, "venues[1].id", IssueCodes.SiteIdCollision);
    }
}
