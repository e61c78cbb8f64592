using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;
using static Sto.Scheduler.Engine.Tests.Baselines.GreedyAllocatorTests;

namespace Sto.Scheduler.Engine.Tests.Baselines;

public sealed class GreedyAllocatorStaffingTests
{
    [Fact]
    public void GreedyAllocator_refuses_a_sixteenth_pupil_when_no_second_staff_member_is_free()
    {
        var problem = TwoOffers(weldSeats: 20).Pupils("p", 16, "north", "weld").Build();

        var allocation = Allocate(problem);

        Assert.Equal(15, allocation.Placements.Length);
        var refused = Assert.Single(allocation.Unplaced);
        Assert.Equal(("p-16", "capacity"), (refused.Pupil.Value, refused.Reason));
    }

    [Fact]
    public void GreedyAllocator_adds_a_free_instructor_in_every_week_for_a_sixteenth_pupil()
    {
        var problem = TwoOffers(weldSeats: 20)
            .Instructor("de-boer", "north", "weld")
            .Pupils("p", 16, "north", "weld")
            .Build();

        var allocation = Allocate(problem);

        Assert.Empty(allocation.Unplaced);
        var weld = Assert.Single(allocation.Groups);
        Assert.All(weld.Staffing, week => Assert.Equal(["de-vries", "de-boer"], week.Staff.Select(s => s.Value)));
    }

    [Fact]
    public void GreedyAllocator_cannot_run_a_group_whose_only_hybrid_docent_is_away_in_week_three()
    {
        var problem = new GreedyScenario()
            .School("north")
            .Offer("pipes", "north-lab", host: "north")
            .Offer("wood", "north-lab", host: "north")
            .Staff("hybrid", "north", ["pipes"], StaffKind.HybridDocent, qualifiedTeacher: true, 1, 2)
            .Docent("jansen", "north", "wood")
            .Pupils("p", 3, "north", "pipes", "wood")
            .Build();

        var allocation = Allocate(problem);

        Assert.DoesNotContain(allocation.Groups, g => g.Offer.Value == "pipes");
        Assert.All(allocation.Placements, p => Assert.Equal(("wood", 2), (p.Offer.Value, p.Rank)));
    }

    [Fact]
    public void GreedyAllocator_covers_the_missing_week_with_another_docent_and_keeps_the_hybrid_docent_otherwise()
    {
        var problem = new GreedyScenario()
            .School("north")
            .Offer("pipes", "north-lab", host: "north")
            .Staff("hybrid", "north", ["pipes"], StaffKind.HybridDocent, qualifiedTeacher: true, 1, 2)
            .Staff("jansen", "north", ["pipes"], StaffKind.Docent, qualifiedTeacher: true, 3)
            .Pupils("p", 3, "north", "pipes")
            .Build();

        var allocation = Allocate(problem);

        var pipes = Assert.Single(allocation.Groups);
        Assert.Equal(["hybrid", "hybrid", "jansen"], pipes.Staffing.Select(w => Assert.Single(w.Staff).Value));
    }

    [Fact]
    public void GreedyAllocator_prefers_the_staff_member_already_with_the_group_over_one_based_at_the_venue()
    {
        var problem = new GreedyScenario()
            .School("north")
            .School("south", eastKm: 3)
            .Offer("weld", "north-lab", host: "north")
            .Staff("visser", "south", ["weld"], StaffKind.Docent, qualifiedTeacher: true)
            .Staff("jansen", "north", ["weld"], StaffKind.Docent, qualifiedTeacher: true, 2, 3)
            .Pupils("p", 3, "north", "weld")
            .Build();

        var allocation = Allocate(problem);

        Assert.All(Assert.Single(allocation.Groups).Staffing, w => Assert.Equal("visser", Assert.Single(w.Staff).Value));
    }

    [Fact]
    public void GreedyAllocator_prefers_staff_based_at_the_venues_school()
    {
        var problem = new GreedyScenario()
            .School("north")
            .School("south", eastKm: 3)
            .Offer("weld", "north-lab", host: "north")
            .Docent("visser", "south", "weld")
            .Docent("jansen", "north", "weld")
            .Pupils("p", 3, "north", "weld")
            .Build();

        var allocation = Allocate(problem);

        Assert.All(Assert.Single(allocation.Groups).Staffing, w => Assert.Equal("jansen", Assert.Single(w.Staff).Value));
    }

    [Fact]
    public void GreedyAllocator_needs_a_qualified_docent_besides_an_instructor()
    {
        var problem = new GreedyScenario()
            .School("north")
            .Offer("weld", "north-lab", host: "north")
            .Instructor("de-boer", "north", "weld")
            .Staff("unqualified", "north", ["weld"], StaffKind.Docent, qualifiedTeacher: false)
            .Pupils("p", 2, "north", "weld")
            .Build();

        var allocation = Allocate(problem);

        Assert.Empty(allocation.Groups);
        Assert.All(allocation.Unplaced, u => Assert.Equal("capacity", u.Reason));
    }
}
