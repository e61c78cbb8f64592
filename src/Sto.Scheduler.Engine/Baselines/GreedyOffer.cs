using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>An offer during the greedy pass: its precomputed meeting weeks and the groups opened so far.</summary>
internal sealed class GreedyOffer(ElectiveOffer offer, GreedyMeeting[] meetings, bool hasUnknownVenue)
{
    public ElectiveOffer Offer { get; } = offer;

    /// <summary>One entry per distinct week the offer meets, ascending.</summary>
    public GreedyMeeting[] Meetings { get; } = meetings;

    /// <summary>A session names a venue the problem does not know; no group can run.</summary>
    public bool HasUnknownVenue { get; } = hasUnknownVenue;

    /// <summary>Running (or, during a round, tentatively running) groups; the position + 1 is the group number.</summary>
    public List<GreedyGroup> Groups { get; } = [];

    /// <summary>Pupils from other schools over all groups (H6).</summary>
    public int OtherSchoolPupils { get; set; }

    /// <summary>True when this offer meets in the given week slot.</summary>
    public bool MeetsIn(int weekSlot)
    {
        foreach (var meeting in Meetings)
        {
            if (meeting.WeekSlot == weekSlot)
            {
                return true;
            }
        }

        return false;
    }
}
