using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>A place where sessions run, with a pupil capacity per week shared by every elective using it.</summary>
public sealed record Venue
{
    public VenueId Id { get; init; }

    public string Name { get; init; } = "";

    public VenueKind Kind { get; init; } = VenueKind.SchoolWorkshop;

    public GeoPoint Location { get; init; }

    /// <summary>Street address as shown in the pupil app.</summary>
    public string Address { get; init; } = "";

    /// <summary>The school this venue belongs to, when it is on a school site; its pupils need no travel.</summary>
    public SchoolId? School { get; init; }

    /// <summary>Pupils the venue can hold in one afternoon, across all electives using it.</summary>
    public int WeeklyPupilCapacity { get; init; }

    /// <summary>Weeks in which the venue hosts at all (a company hosts only some weeks); empty = every week.</summary>
    public ImmutableArray<Week> HostingWeeks { get; init; } = [];

    /// <summary>Per-week capacities that replace <see cref="WeeklyPupilCapacity"/>.</summary>
    public ImmutableArray<VenueWeekCapacity> CapacityOverrides { get; init; } = [];

    /// <summary>The capacity in a given week, honouring hosting weeks and overrides.</summary>
    public int CapacityIn(Week week)
    {
        foreach (var entry in CapacityOverrides)
        {
            if (entry.Week == week)
            {
                return entry.PupilCapacity;
            }
        }

        return HostingWeeks.IsDefaultOrEmpty || HostingWeeks.Contains(week) ? WeeklyPupilCapacity : 0;
    }
}
