namespace Sto.Scheduler.Engine.Baselines;

/// <summary>One parallel group the greedy pass has opened: its pupils and, per meeting week, its staff.</summary>
internal sealed class GreedyGroup
{
    public GreedyGroup(int meetingCount)
    {
        Staff = new List<int>[meetingCount];
        RatioStaff = new int[meetingCount];
        HasQualifiedDocent = new bool[meetingCount];
        for (var m = 0; m < meetingCount; m++)
        {
            Staff[m] = [];
        }
    }

    /// <summary>Pupil indices in joining order.</summary>
    public List<int> Pupils { get; } = [];

    /// <summary>Staff indices per meeting, in the order they were assigned.</summary>
    public List<int>[] Staff { get; }

    /// <summary>Per meeting: assigned staff who count for the ratio.</summary>
    public int[] RatioStaff { get; }

    /// <summary>Per meeting: whether a qualified docent is assigned.</summary>
    public bool[] HasQualifiedDocent { get; }

    /// <summary>Staff who are with this group in any week (preferred again, for continuity).</summary>
    public HashSet<int> EverStaffed { get; } = [];

    /// <summary>Pupils of this group from another school than the host (counted against open seats).</summary>
    public int OtherSchoolPupils { get; set; }
}
