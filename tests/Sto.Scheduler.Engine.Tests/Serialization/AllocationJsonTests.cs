using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Serialization;

namespace Sto.Scheduler.Engine.Tests.Serialization;

public class AllocationJsonTests
{
    private static readonly Week W14 = new(2026, 14);

    private static Allocation SampleAllocation() => new()
    {
        Placements = [new PupilPlacement { Pupil = new("p1"), Offer = new("s1-pie-booglas"), Group = 1, Rank = 2 }],
        Groups =
        [
            new GroupPlan
            {
                Offer = new("s1-pie-booglas"),
                Group = 1,
                Pupils = [new("p1")],
                Staffing = [new GroupWeekStaffing { Week = W14, Staff = [new("s1-d01")] }],
            },
        ],
        BusTrips =
        [
            new BusTrip
            {
                Week = W14, FromSchool = new("s2"), ToVenue = new("s1-werkplaats"), PupilCount = 7, BusCount = 1,
                Departure = new(13, 5), ReturnDeparture = new(15, 30),
            },
        ],
        Unplaced = [new UnplacedPupil { Pupil = new("p2"), Reason = "capacity" }],
        Lottery = [new LotteryTicket { Pupil = new("p1"), Number = 2 }, new LotteryTicket { Pupil = new("p2"), Number = 1 }],
    };

    [Fact]
    public void SerializeAllocation_round_trips()
    {
        var json = ProblemJson.SerializeAllocation(SampleAllocation());

        var again = ProblemJson.SerializeAllocation(ProblemJson.DeserializeAllocation(json));

        Assert.Equal(json, again);
        Assert.Contains("\"departure\": \"13:05\"", json, StringComparison.Ordinal);
        Assert.Contains("\"week\": \"2026-W14\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeQuality_round_trips()
    {
        var quality = new AllocationQuality
        {
            PupilCount = 2,
            PlacedCount = 1,
            UnplacedCount = 1,
            PlacementsByRank = [0, 1],
            FirstChoiceRate = 0.0,
            TopThreeRate = 0.5,
            WorstRank = 2,
            RankCost = 1,
            Schools = [new SchoolQuality { School = new("s1"), PupilCount = 2, PlacedCount = 1, MeanRank = 2.0 }],
            NearMisses = [new OfferNearMiss { Offer = new("o2"), MinGroupSize = 6, InterestedPupils = 4, ShortBy = 2 }],
        };

        var json = ProblemJson.SerializeQuality(quality);

        Assert.Equal(json, ProblemJson.SerializeQuality(ProblemJson.DeserializeQuality(json)));
    }

    [Fact]
    public void TryDeserializeAllocation_names_the_path_of_an_error()
    {
        var ok = ProblemJson.TryDeserializeAllocation("""{ "groups": [ { "offer": "o1", "staffing": [ { "week": "W14" } ] } ] }""", out _, out var error);

        Assert.False(ok);
        Assert.StartsWith("$.groups[0].staffing[0].week: 'W14' is not an ISO week", error, StringComparison.Ordinal);
    }
}
