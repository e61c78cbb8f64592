namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <summary>The domain rule an assumption literal of the diagnosis model switches on; one literal per rule and subject.</summary>
internal enum AssumptionKind
{
    /// <summary>H2: the pupil may not take this choice (eligibility, travel, open to other schools, cancelled).</summary>
    Candidate,

    /// <summary>H5: at most MaxGroupSize pupils per group, at most MaxParallelGroups groups.</summary>
    GroupMaximum,

    /// <summary>H5: a running group has at least MinGroupSize pupils.</summary>
    GroupMinimum,

    /// <summary>H6: pupils of other schools ≤ OpenSeats.</summary>
    OpenSeats,

    /// <summary>H7: the pupils at a venue in a week ≤ its capacity.</summary>
    VenueCapacity,

    /// <summary>H8, H9: enough free staff (and a qualified docent) for every group of the offer in a week.</summary>
    StaffInWeek,

    /// <summary>H10: kits in use in a week ≤ the lending lab's count.</summary>
    KitsInWeek,
}
