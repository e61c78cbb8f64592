using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Feasibility;

/// <summary>
/// The staffing rules in one place (domain.md §2.11, §2.12, A5, A6), shared by the solver model, the checker and
/// the greedy allocator so they cannot disagree.
/// </summary>
public static class StaffRules
{
    /// <summary>
    /// A staff member may staff an offer when they hold its required qualification or its elective code, and — when
    /// <see cref="RegionRules.StaffWorkForOwnProviderOnly"/> — the offer belongs to their provider.
    /// </summary>
    public static bool CanStaff(StaffMember staff, ElectiveOffer offer, RegionRules rules) =>
        (staff.HoldsQualification(offer.RequiredQualification) || staff.HoldsQualification(offer.ElectiveCode))
        && (!rules.StaffWorkForOwnProviderOnly || WorksFor(staff, offer));

    /// <summary>The offer is hosted by the staff member's base school, or meets at their base venue.</summary>
    public static bool WorksFor(StaffMember staff, ElectiveOffer offer) =>
        (offer.HostSchool is { } host && host.Value == staff.BaseSite)
        || offer.Sessions.NullToEmpty().Any(s => s.Venue.Value == staff.BaseSite);

    /// <summary>Whether this staff member counts towards the staff:pupil ratio in this region.</summary>
    public static bool CountsForRatio(StaffMember staff, RegionRules rules) =>
        rules.StaffKindsCountingForRatio.NullToEmpty().Contains(staff.Kind);

    /// <summary>A docent (school or hybrid) with a teaching qualification.</summary>
    public static bool IsQualifiedDocent(StaffMember staff) =>
        staff.IsQualifiedTeacher && staff.Kind is StaffKind.Docent or StaffKind.HybridDocent;

    /// <summary>
    /// Staff counting for the ratio that one group of <paramref name="pupils"/> needs in a session:
    /// ⌈pupils / ratio⌉ for practical sessions, 1 for theory; 0 for an empty group.
    /// </summary>
    public static int RequiredStaff(int pupils, SessionKind kind, RegionRules rules)
    {
        if (pupils <= 0)
        {
            return 0;
        }

        var ratio = Math.Max(1, rules.PupilsPerStaffMember);
        return kind == SessionKind.Practical ? (pupils + ratio - 1) / ratio : 1;
    }

    /// <summary>
    /// True when the staff member can get from their base to the session's venue after the afternoon starts and
    /// back before it ends (HARD, issue 2: "a staff member's own travel … must fit too").
    /// </summary>
    public static bool CanReach(StaffMember staff, Session session, CommonAfternoon afternoon, TravelTable travel)
    {
        if (!travel.Knows(staff.BaseSite) || !travel.Knows(session.Venue.Value))
        {
            return false;
        }

        var minutes = travel.StaffMinutes(staff.BaseSite, session.Venue);
        return ToMinutes(afternoon.Start) + minutes <= ToMinutes(session.Start)
            && ToMinutes(session.End) + minutes <= ToMinutes(afternoon.End);
    }

    private static int ToMinutes(TimeOnly time) => (time.Hour * 60) + time.Minute;
}
