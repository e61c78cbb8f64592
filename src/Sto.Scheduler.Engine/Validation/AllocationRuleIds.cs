namespace Sto.Scheduler.Engine.Validation;

/// <summary>The stable kebab-case ids of the hard rules H1–H12 of docs/rules.md, as reported in <see cref="AllocationViolation.Rule"/>.</summary>
public static class AllocationRuleIds
{
    /// <summary>H1: at most k placements, never the same elective code twice, never two offers meeting the same week.</summary>
    public const string PlacementsPerPupil = "placements-per-pupil";

    /// <summary>H2: every placement passes the candidate filter (choice, eligibility, open seats, reachability).</summary>
    public const string Candidate = "candidate";

    /// <summary>H3: at most the allowed number of placements away from the pupil's own school site.</summary>
    public const string ExternalPlacements = "external-placements";

    /// <summary>H4: placements and group pupil lists agree; one group per pupil per offer.</summary>
    public const string GroupMembership = "group-membership";

    /// <summary>H5: group sizes within the offer's minimum and maximum; groups numbered 1..G ≤ parallel groups.</summary>
    public const string GroupSize = "group-size";

    /// <summary>H6: pupils from other schools within the offer's open seats.</summary>
    public const string OpenSeats = "open-seats";

    /// <summary>H7: pupils at a venue in a week within its capacity that week.</summary>
    public const string VenueCapacity = "venue-capacity";

    /// <summary>H8: enough staff counting for the ratio, a qualified docent, staffing exactly for the weeks met.</summary>
    public const string StaffPupilRatio = "staff-pupil-ratio";

    /// <summary>H9: staff qualified, available, in one group per week and able to reach the venue.</summary>
    public const string StaffAssignment = "staff-assignment";

    /// <summary>H10: lending-lab kits in use in a week within the kit count.</summary>
    public const string EquipmentKits = "equipment-kits";

    /// <summary>H11: exactly one bus trip, with enough buses, per week, school and venue with bus riders.</summary>
    public const string Buses = "buses";

    /// <summary>H12: every pupil placed or unplaced, never both; no unknown ids.</summary>
    public const string Accounting = "accounting";
}
