using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// Stable kebab-case codes of <see cref="ExplanationReason"/> and <see cref="DiagnosisFinding"/> (docs/rules.md,
/// "Explanations"). The candidate codes are the <see cref="ReasonCodes"/> of <see cref="CandidateFilter"/>; the rest
/// are about seats, groups, staff and shared resources, which only an allocation can tell.
/// </summary>
public static class ExplanationCodes
{
    /// <summary>The pupil ranked an offer that does not exist this period.</summary>
    public const string UnknownOffer = ReasonCodes.UnknownOffer;

    /// <summary>The pupil already completed this elective (H2).</summary>
    public const string AlreadyCompleted = ReasonCodes.AlreadyCompleted;

    /// <summary>The pupil's learning path may not take it (H2).</summary>
    public const string PathNotEligible = ReasonCodes.PathNotEligible;

    /// <summary>The pupil's school year may not take it (H2).</summary>
    public const string YearNotEligible = ReasonCodes.YearNotEligible;

    /// <summary>The pupil's profile may not take it (H2).</summary>
    public const string ProfileNotEligible = ReasonCodes.ProfileNotEligible;

    /// <summary>An elective that must be completed first is missing (H2).</summary>
    public const string PrerequisiteMissing = ReasonCodes.PrerequisiteMissing;

    /// <summary>The offer has no seats for pupils of other schools (H2).</summary>
    public const string NotOpenToOtherSchools = ReasonCodes.NotOpenToOtherSchools;

    /// <summary>The region allows no placement away from the pupil's own school (H2, H3).</summary>
    public const string ExternalNotAllowed = ReasonCodes.ExternalNotAllowed;

    /// <summary>Travel plus changeover exceeds the minutes between release and start in a week (H2).</summary>
    public const string ArrivesTooLate = ReasonCodes.ArrivesTooLate;

    /// <summary>Travel plus changeover exceeds the minutes between the end and the return time in a week (H2).</summary>
    public const string ReturnsTooLate = ReasonCodes.ReturnsTooLate;

    /// <summary>A session's venue or the pupil's school is unknown (input error).</summary>
    public const string VenueUnknown = ReasonCodes.VenueUnknown;

    /// <summary>The offer runs no group: fewer pupils could take it than its minimum group size (H5).</summary>
    public const string OfferDidNotRun = "offer-did-not-run";

    /// <summary>In one week too few free staff could staff even a minimum group (H8, H9).</summary>
    public const string NoStaffInWeek = "no-staff-in-week";

    /// <summary>A venue of the offer hosts nobody in one week (H7).</summary>
    public const string VenueClosedInWeek = "venue-closed-in-week";

    /// <summary>A venue of the offer has fewer free places than a minimum group in one week (H7).</summary>
    public const string VenueFullInWeek = "venue-full-in-week";

    /// <summary>The lending lab's kits the offer needs are all in use in one week (H10).</summary>
    public const string KitsUsedUpInWeek = "kits-used-up-in-week";

    /// <summary>All seats for pupils of other schools are taken (H6).</summary>
    public const string OpenSeatsUsed = "open-seats-used";

    /// <summary>Every running group is at its maximum size, or its venue is at capacity (H5, H7).</summary>
    public const string GroupFull = "group-full";

    /// <summary>A pupil with lower priority for the offer holds a seat in it (reported, never named).</summary>
    public const string JustifiedEnvy = "justified-envy";

    /// <summary>Seats are left, but one more pupil would need another staff member and nobody free can come (H8, H9).</summary>
    public const string MoreStaffNeeded = "more-staff-needed";

    /// <summary>No rule blocks it; the plan as a whole is better for other pupils this way.</summary>
    public const string TradeOff = "trade-off";

    /// <summary>Diagnosis only: unplaced pupils none of whose choices passes the candidate rules.</summary>
    public const string PupilsWithoutFeasibleChoice = "pupils-without-feasible-choice";

    /// <summary>Diagnosis only: a group of the offer needs at least its minimum, and too few could join (H5).</summary>
    public const string GroupBelowMinimum = "group-below-minimum";
}
