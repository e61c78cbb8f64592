using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Replanning;
using Sto.Scheduler.Grpc.Errors;
using Sto.Scheduler.Grpc.Mapping;
using V1 = Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Tests.Mapping;

/// <summary>Disruptions and diffs survive wire → Engine → wire (and Engine → wire → Engine) field for field.</summary>
public sealed class ReplanMappingTests
{
    private const string Sub = "regions/oost/subregions/c";
    private const string Run = Sub + "/allocationRuns/a";
    private static readonly Week W14 = new(2026, 14);
    private static readonly Week W15 = new(2026, 15);

    public static TheoryData<Disruption> EveryDisruptionKind() =>
    [
        new Disruption.StaffUnavailable(new StaffId(Sub + "/schools/noord/staffMembers/de-vries"), [W14, W15]),
        new Disruption.VenueCapacityChanged(new VenueId(Sub + "/venues/lab-noord"), [W15], 0),
        new Disruption.VenueCapacityChanged(new VenueId(Sub + "/venues/lab-noord"), [W14, W15], 12),
        new Disruption.SessionMoved(new OfferId(Sub + "/schools/noord/electiveOffers/booglas"), W15, new VenueId(Sub + "/venues/hal-oost"), new TimeOnly(14, 0), new TimeOnly(16, 15)),
        new Disruption.OfferCancelled(new OfferId(Sub + "/schools/noord/electiveOffers/booglas")),
        new Disruption.PupilRemoved(new PupilId(Sub + "/schools/noord/pupils/p-001")),
        new Disruption.PupilChangedSchool(new PupilId(Sub + "/schools/noord/pupils/p-001"), new SchoolId(Sub + "/schools/zuid")),
    ];

    [Theory]
    [MemberData(nameof(EveryDisruptionKind))]
    public void A_disruption_survives_the_round_trip_through_the_wire_and_passes_the_wire_checks(Disruption disruption)
    {
        var wire = ReplanMapping.ToProto(disruption);
        var violations = new FieldViolations();
        ReplanMapping.Check([wire], Run, "disruptions", violations);
        var back = Assert.Single(ReplanMapping.ToDomain([wire], new Dictionary<PupilId, Pupil>()));

        Assert.Equal(Render(disruption), Render(back));
        Assert.Equal(wire, ReplanMapping.ToProto(back));
        Assert.True(violations.Count == 0, string.Join("; ", violations.Items.Select(v => v.Field + ": " + v.Description)));
    }

    [Fact]
    public void A_pupil_added_maps_to_the_stored_pupil_and_back_to_its_name()
    {
        var pupil = new Pupil { Id = new PupilId(Sub + "/schools/noord/pupils/p-009"), School = new SchoolId(Sub + "/schools/noord") };
        var wire = ReplanMapping.ToProto(new Disruption.PupilAdded(pupil));

        var back = Assert.IsType<Disruption.PupilAdded>(Assert.Single(ReplanMapping.ToDomain([wire], new Dictionary<PupilId, Pupil> { [pupil.Id] = pupil })));

        Assert.Same(pupil, back.Pupil);
        Assert.Equal(pupil.Id.Value, wire.PupilAdded.Pupil);
        Assert.Empty(ReplanMapping.ToDomain([wire], new Dictionary<PupilId, Pupil>()));
    }

    [Fact]
    public void A_diff_survives_the_round_trip_through_the_wire()
    {
        var diff = new AllocationDiff
        {
            PupilMoves =
            [
                new PupilMove { Pupil = new PupilId("p1"), FromOffer = new OfferId("metal"), FromGroup = 1, ToOffer = new OfferId("wood"), ToGroup = 2, Reason = "offer-cannot-run" },
                new PupilMove { Pupil = new PupilId("p2"), ToOffer = new OfferId("wood"), ToGroup = 1, Reason = "pupil-added" },
                new PupilMove { Pupil = new PupilId("p3"), FromOffer = new OfferId("metal"), FromGroup = 1, Reason = "pupil-removed" },
            ],
            StaffChanges = [new StaffChange { Offer = new OfferId("wood"), Group = 2, Week = W15, Removed = [new StaffId("de-vries")], Added = [new StaffId("smit"), new StaffId("bakker")] }],
            BusChanges = [new BusChange { Week = W14, FromSchool = new SchoolId("zuid"), ToVenue = new VenueId("hal"), BusesBefore = 2, BusesAfter = 1, PupilsBefore = 60, PupilsAfter = 41 }],
        };

        var wire = ReplanMapping.ToProto(diff, 1, Run + "-2", Run);
        var back = ReplanMapping.ToDomain(wire);

        Assert.Equal(diff.PupilMoves.ToArray(), back.PupilMoves.ToArray());
        Assert.Equal(diff.BusChanges.ToArray(), back.BusChanges.ToArray());
        var change = Assert.Single(back.StaffChanges);
        Assert.Equal((diff.StaffChanges[0].Offer, 2, W15), (change.Offer, change.Group, change.Week));
        Assert.Equal(diff.StaffChanges[0].Removed.ToArray(), change.Removed.ToArray());
        Assert.Equal(diff.StaffChanges[0].Added.ToArray(), change.Added.ToArray());
        Assert.Equal((2, 1), (wire.MovedPupilCount, wire.UnavoidableMoveCount));
        Assert.Equal(diff.MovedPupilCount, back.MovedPupilCount);
        Assert.Equal([new PupilId("p1"), new PupilId("p3")], ReplanMapping.MovedPupils(wire).ToArray());
        Assert.Equal(wire, ReplanMapping.ToProto(back, 1, Run + "-2", Run));
    }

    [Fact]
    public void The_mappings_reject_missing_input_and_a_diff_with_a_malformed_week()
    {
        var badWeek = new V1.AllocationDiff { StaffChanges = { new V1.StaffChange { ElectiveOffer = "wood", Group = 1, Week = "week 15" } } };

        Assert.Throws<ArgumentNullException>(() => ReplanMapping.ToProto((Disruption)null!));
        Assert.Throws<ArgumentNullException>(() => ReplanMapping.ToDomain((V1.AllocationDiff)null!));
        Assert.Throws<FormatException>(() => ReplanMapping.ToDomain(badWeek));
        Assert.Empty(ReplanMapping.ToDomain([new V1.Disruption()], new Dictionary<PupilId, Pupil>()));
    }

    private static string Render(Disruption disruption) => disruption switch
    {
        Disruption.StaffUnavailable d => $"staff {d.Staff} {string.Join(",", d.Weeks)}",
        Disruption.VenueCapacityChanged d => $"venue {d.Venue} {string.Join(",", d.Weeks)} {d.PupilCapacity}",
        _ => disruption.ToString(),
    };
}
