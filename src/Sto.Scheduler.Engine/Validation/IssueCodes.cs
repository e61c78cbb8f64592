namespace Sto.Scheduler.Engine.Validation;

/// <summary>
/// Stable kebab-case codes of <see cref="ValidationIssue"/>s raised by <see cref="ProblemValidator"/>; clients
/// may switch on them, so a code is never renamed once published.
/// </summary>
public static class IssueCodes
{
    /// <summary>An array holds a null entry, or a required record is null.</summary>
    public const string NullEntry = "null-entry";

    /// <summary>A required id is null or empty.</summary>
    public const string MissingId = "missing-id";

    /// <summary>An id contains whitespace.</summary>
    public const string InvalidId = "invalid-id";

    /// <summary>Two entries of one collection share an id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>A venue has the id of a school; both live in the one namespace of travel sites.</summary>
    public const string SiteIdCollision = "site-id-collision";

    /// <summary>A required text (name, code, qualification, site) is null, empty or only whitespace.</summary>
    public const string MissingValue = "missing-value";

    /// <summary>A number lies outside its allowed range.</summary>
    public const string ValueOutOfRange = "value-out-of-range";

    /// <summary>An enum field holds a value that is not one of its named members.</summary>
    public const string InvalidEnumValue = "invalid-enum-value";

    /// <summary>The planning period lists no weeks.</summary>
    public const string NoWeeks = "no-weeks";

    /// <summary>A week does not exist in the ISO calendar.</summary>
    public const string InvalidWeek = "invalid-week";

    /// <summary>A week of the period is listed twice.</summary>
    public const string DuplicateWeek = "duplicate-week";

    /// <summary>The weeks of the period are not in ascending order.</summary>
    public const string WeeksNotAscending = "weeks-not-ascending";

    /// <summary>A week named by a venue, offer or staff member is not a week of the period.</summary>
    public const string WeekOutsidePeriod = "week-outside-period";

    /// <summary>A time window ends at or before its start.</summary>
    public const string EndNotAfterStart = "end-not-after-start";

    /// <summary>A time lies outside the common afternoon.</summary>
    public const string OutsideAfternoon = "outside-afternoon";

    /// <summary>A school's return time is not after its release time.</summary>
    public const string ReturnNotAfterRelease = "return-not-after-release";

    /// <summary>The objective has no rank costs.</summary>
    public const string NoRankCosts = "no-rank-costs";

    /// <summary>A rank cost is lower than the cost of the rank before it.</summary>
    public const string RankCostsDecreasing = "rank-costs-decreasing";

    public const string RankMaximalNeedsLexicographic = "rank-maximal-needs-lexicographic";

    /// <summary>A position is not a valid WGS84 coordinate.</summary>
    public const string InvalidCoordinates = "invalid-coordinates";

    /// <summary>A reference names no school of the problem.</summary>
    public const string UnknownSchool = "unknown-school";

    /// <summary>A reference names no venue of the problem.</summary>
    public const string UnknownVenue = "unknown-venue";

    /// <summary>A reference names no offer of the problem.</summary>
    public const string UnknownOffer = "unknown-offer";

    /// <summary>A reference names no equipment kit of the problem.</summary>
    public const string UnknownKit = "unknown-kit";

    /// <summary>A disruption names a staff member, venue, offer, pupil or school the published problem does not have.</summary>
    public const string UnknownReference = "unknown-reference";

    /// <summary>A reference names neither a school nor a venue of the problem.</summary>
    public const string UnknownSite = "unknown-site";

    /// <summary>A venue lists the same week twice among its capacity overrides.</summary>
    public const string DuplicateOverrideWeek = "duplicate-override-week";

    /// <summary>An offer reserves more own-pupil and open seats than its groups hold.</summary>
    public const string SeatsExceedCapacity = "seats-exceed-capacity";

    /// <summary>An offer without a host school has no open seats, so nobody could ever join it.</summary>
    public const string ClosedToEveryone = "closed-to-everyone";

    /// <summary>An offer has no sessions.</summary>
    public const string NoSessions = "no-sessions";

    /// <summary>An offer has two sessions in one week.</summary>
    public const string DuplicateSessionWeek = "duplicate-session-week";

    /// <summary>A pupil gives the same rank to two choices.</summary>
    public const string DuplicateRank = "duplicate-rank";

    /// <summary>A pupil chooses the same offer twice.</summary>
    public const string DuplicateChoice = "duplicate-choice";

    /// <summary>A pupil chooses an offer they can never take (path, year, profile, completed or missing elective).</summary>
    public const string ChoiceNotEligible = "choice-not-eligible";

    /// <summary>Two travel legs share the same from and to.</summary>
    public const string DuplicateTravelLeg = "duplicate-travel-leg";
}
