using Sto.Scheduler.Engine.Baselines;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Tests.Support;
using Sto.Scheduler.Engine.Validation;
using static Sto.Scheduler.Engine.Tests.Baselines.GreedyAllocatorTests;

namespace Sto.Scheduler.Engine.Tests.Baselines;

/// <summary>The solver's starting plan: the greedy pass with staff substitution chains and augmenting paths.</summary>
public sealed class GreedyHintTests
{
    [Fact]
    public void Greedy_gives_a_group_the_docent_few_other_offers_can_use()
    {
        // Both docents are based at north; "all-round" could also staff wood, "welder" only weld.
        var problem = new GreedyScenario()
            .School("north")
            .Offer("weld", "north-lab", host: "north")
            .Offer("wood", "north-lab", host: "north")
            .Docent("all-round", "north", "weld", "wood")
            .Docent("welder", "north", "weld")
            .Pupils("w", 3, "north", "weld")
            .Pupils("h", 3, "north", "wood")
            .Build();

        var allocation = Allocate(problem);

        Assert.Empty(allocation.Unplaced);
        Assert.All(GroupOf(allocation, "weld").Staffing, w => Assert.Equal("welder", Assert.Single(w.Staff).Value));
        Assert.All(GroupOf(allocation, "wood").Staffing, w => Assert.Equal("all-round", Assert.Single(w.Staff).Value));
    }

    [Fact]
    public void First_come_first_served_leaves_a_group_unstaffed_that_a_substitution_chain_can_staff()
    {
        // "flex" is the less sought-after docent, so weld takes flex; then wood needs flex, and only a substitution
        // (spare takes over weld) frees flex. Sign-up practice does not re-plan staff; the solver's hint does.
        var problem = new GreedyScenario()
            .School("north")
            .Offer("weld", "north-lab", host: "north")
            .Offer("wood", "north-lab", host: "north")
            .Offer("paint", "north-lab", host: "north")
            .Offer("pipes", "north-lab", host: "north")
            .Docent("flex", "north", "weld", "wood")
            .Docent("spare", "north", "weld", "paint", "pipes")
            .Pupils("w", 3, "north", "weld")
            .Pupils("h", 3, "north", "wood")
            .Build();
        var order = problem.Pupils.Select(p => p.Id).ToArray();

        var signUp = GreedyAllocator.Allocate(problem, order);
        var hint = GreedyAllocator.AllocateAndAugment(problem, order);

        Assert.Equal(3, signUp.Unplaced.Length);
        Assert.Empty(hint.Unplaced);
        Assert.Empty(AllocationChecker.Check(problem, hint));
        Assert.All(GroupOf(hint, "weld").Staffing, w => Assert.Equal("spare", Assert.Single(w.Staff).Value));
        Assert.All(GroupOf(hint, "wood").Staffing, w => Assert.Equal("flex", Assert.Single(w.Staff).Value));
    }

    [Fact]
    public void A_pupil_left_out_takes_a_seat_whose_holder_moves_on_to_their_second_choice()
    {
        // weld holds 2; a and b take it first; c wants only weld. An augmenting path moves a to wood (which runs
        // for d and has room), so c gets a's seat and nobody is left out.
        var problem = new GreedyScenario()
            .School("north")
            .Offer("weld", "north-lab", host: "north", max: 2)
            .Offer("wood", "north-lab", host: "north", max: 2)
            .Docent("de-vries", "north", "weld")
            .Docent("jansen", "north", "wood")
            .Pupil("d", "north", "wood")
            .Pupil("a", "north", "weld", "wood")
            .Pupil("b", "north", "weld")
            .Pupil("c", "north", "weld")
            .Build();
        var order = new[] { "d", "a", "b", "c" }.Select(id => new PupilId(id)).ToArray();

        var signUp = GreedyAllocator.Allocate(problem, order);
        var hint = GreedyAllocator.AllocateAndAugment(problem, order);

        Assert.Equal("c", Assert.Single(signUp.Unplaced).Pupil.Value);
        Assert.Empty(hint.Unplaced);
        Assert.Empty(AllocationChecker.Check(problem, hint));
        Assert.Equal(("wood", 2), PlacementOf(hint, "a"));
        Assert.Equal(("weld", 1), PlacementOf(hint, "c"));
    }

    [Fact]
    public void An_augmenting_path_never_takes_an_open_seat_beyond_the_quota()
    {
        // weld opens one seat to other schools and s1 of south holds it. s2 of south may not take north's a's seat
        // (a could move to wood): that would be a second open seat.
        var problem = new GreedyScenario()
            .School("north")
            .School("south", eastKm: 2)
            .Offer("weld", "north-lab", host: "north", max: 2, openSeats: 1)
            .Offer("wood", "north-lab", host: "north", max: 2)
            .Docent("de-vries", "north", "weld")
            .Docent("jansen", "north", "wood")
            .Pupil("d", "north", "wood")
            .Pupil("s1", "south", "weld")
            .Pupil("a", "north", "weld", "wood")
            .Pupil("s2", "south", "weld")
            .Build();
        var order = new[] { "d", "s1", "a", "s2" }.Select(id => new PupilId(id)).ToArray();

        var hint = GreedyAllocator.AllocateAndAugment(problem, order);

        Assert.Equal("s2", Assert.Single(hint.Unplaced).Pupil.Value);
        Assert.Equal(("weld", 1), PlacementOf(hint, "a"));
        Assert.Empty(AllocationChecker.Check(problem, hint));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_hint_plan_keeps_every_hard_rule(int seed)
    {
        var problem = GreedyScenario.Random(seed, pupilCount: 120, offerCount: 10, weekCount: 3);

        var hint = GreedyAllocator.AllocateAndAugment(problem, [.. problem.Pupils.Select(p => p.Id)]);

        Assert.Empty(AllocationChecker.Check(problem, hint));
    }

    [Fact]
    public void Repairing_a_plan_after_a_cancellation_keeps_everyone_else_in_their_group_and_staff()
    {
        // weld is cancelled after publication. w1 takes wood's free seat; w2's other choice (paint) is full, so p1 of
        // paint moves on to wood and w2 takes p1's seat: one chain, everyone else stays.
        var problem = new GreedyScenario()
            .School("north")
            .Offer("weld", "north-lab", host: "north")
            .Offer("wood", "north-lab", host: "north", max: 4)
            .Offer("paint", "north-lab", host: "north", max: 2)
            .Docent("de-vries", "north", "weld")
            .Docent("jansen", "north", "wood")
            .Docent("bakker", "north", "paint")
            .Pupil("w1", "north", "weld", "wood")
            .Pupil("w2", "north", "weld", "paint")
            .Pupil("h1", "north", "wood")
            .Pupil("h2", "north", "wood")
            .Pupil("p1", "north", "paint", "wood")
            .Pupil("p2", "north", "paint")
            .Build();
        var order = problem.Pupils.Select(p => p.Id).ToArray();
        var published = GreedyAllocator.Allocate(problem, order);
        var cancelled = problem with { Offers = [.. problem.Offers.Select(o => o.Id.Value == "weld" ? o with { IsCancelled = true } : o)] };
        var kept = published with { Placements = [.. published.Placements.Where(p => p.Offer.Value != "weld")] };

        var repaired = GreedyAllocator.Repair(cancelled, kept, order);

        Assert.Empty(repaired.Unplaced);
        Assert.Empty(AllocationChecker.Check(cancelled, repaired));
        Assert.Equal(("wood", 2), PlacementOf(repaired, "w1"));
        Assert.Equal(("paint", 2), PlacementOf(repaired, "w2"));
        Assert.Equal(("wood", 2), PlacementOf(repaired, "p1"));
        Assert.Equal(("paint", 1), PlacementOf(repaired, "p2"));
        Assert.All(new[] { "h1", "h2" }, h => Assert.Equal(("wood", 1), PlacementOf(repaired, h)));
        Assert.All(GroupOf(repaired, "paint").Staffing, w => Assert.Equal("bakker", Assert.Single(w.Staff).Value));
    }

    [Fact]
    public void Repairing_drops_a_staff_member_who_fell_ill_and_finds_a_colleague()
    {
        var problem = new GreedyScenario()
            .School("north")
            .Offer("wood", "north-lab", host: "north")
            .Docent("jansen", "north", "wood")
            .Docent("visser", "north", "wood")
            .Pupils("h", 3, "north", "wood")
            .Build();
        var order = problem.Pupils.Select(p => p.Id).ToArray();
        var published = GreedyAllocator.Allocate(problem, order);
        var first = Assert.Single(Assert.Single(published.Groups).Staffing[0].Staff).Value;
        var ill = problem with
        {
            Staff = [.. problem.Staff.Select(s => s.Id.Value == first ? s with { UnavailableWeeks = [GreedyScenario.Week(2)] } : s)],
        };

        var repaired = GreedyAllocator.Repair(ill, published, order);

        Assert.Empty(repaired.Unplaced);
        Assert.Empty(AllocationChecker.Check(ill, repaired));
        var weeks = Assert.Single(repaired.Groups).Staffing;
        Assert.Equal(first, Assert.Single(weeks[0].Staff).Value);
        Assert.NotEqual(first, Assert.Single(weeks[1].Staff).Value);
    }

    [Fact]
    public void Repairing_a_malformed_plan_keeps_each_pupil_once_and_every_hard_rule()
    {
        var problem = new GreedyScenario()
            .School("north")
            .Offer("wood", "north-lab", host: "north")
            .Offer("weld", "north-lab", host: "north")
            .Docent("jansen", "north", "wood")
            .Docent("de-vries", "north", "weld")
            .Pupil("a", "north", "wood", "weld")
            .Pupil("b", "north", "wood")
            .Build();
        var order = problem.Pupils.Select(p => p.Id).ToArray();
        PupilPlacement Seat(string pupil, string offer) => new() { Pupil = new PupilId(pupil), Offer = new OfferId(offer), Group = 1, Rank = 1 };
        var malformed = new Allocation
        {
            Placements = [Seat("a", "wood"), Seat("a", "wood"), Seat("a", "weld"), Seat("b", "wood"), Seat("ghost", "wood"), Seat("b", "nope")],
            Groups =
            [
                new GroupPlan { Offer = new OfferId("wood"), Group = 1 },
                new GroupPlan { Offer = new OfferId("wood"), Group = 1 },
            ],
        };

        var repaired = GreedyAllocator.Repair(problem, malformed, order);
        var defaults = GreedyAllocator.Repair(problem, new Allocation { Placements = default, Groups = default }, order);

        Assert.Empty(AllocationChecker.Check(problem, repaired));
        Assert.Single(repaired.Placements, p => p.Pupil.Value == "a");
        Assert.Equal(("wood", 1), PlacementOf(repaired, "b"));
        Assert.DoesNotContain(repaired.Placements, p => p.Pupil.Value == "ghost" || p.Offer.Value == "nope");
        Assert.Empty(AllocationChecker.Check(problem, defaults));
        Assert.Empty(defaults.Unplaced);
    }

    [Fact]
    public void Repairing_never_loads_a_group_larger_than_its_maximum()
    {
        var problem = new GreedyScenario()
            .School("north")
            .Offer("wood", "north-lab", host: "north", max: 2)
            .Docent("jansen", "north", "wood")
            .Pupils("h", 3, "north", "wood")
            .Build();
        var order = problem.Pupils.Select(p => p.Id).ToArray();
        var oversized = new Allocation
        {
            Placements = [.. order.Select(id => new PupilPlacement { Pupil = id, Offer = new OfferId("wood"), Group = 1, Rank = 1 })],
        };

        var repaired = GreedyAllocator.Repair(problem, oversized, order);

        Assert.Equal(2, repaired.Placements.Length);
        Assert.Empty(AllocationChecker.Check(problem, repaired));
    }

    private static GroupPlan GroupOf(Allocation allocation, string offer) =>
        Assert.Single(allocation.Groups, g => g.Offer.Value == offer);
}
