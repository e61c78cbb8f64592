using System.Collections.Immutable;

namespace Sto.Scheduler.Engine.Domain;

/// <summary>
/// One elective (keuzevak) as one provider runs it this period: seats, group sizes, who may take it,
/// which seats are open to other schools, and a session per week (domain.md §1.5, §2.2, §2.4).
/// Pupils rank offers; the engine decides who joins which of its parallel groups.
/// </summary>
public sealed record ElectiveOffer
{
    public OfferId Id { get; init; }

    /// <summary>National or local elective code, e.g. "PIE-BOOGLAS"; a pupil never takes the same code twice.</summary>
    public string ElectiveCode { get; init; } = "";

    /// <summary>Display name, e.g. "Booglasprocessen".</summary>
    public string Name { get; init; } = "";

    /// <summary>The offering profile code, e.g. "PIE".</summary>
    public string Profile { get; init; } = "";

    public bool IsTechnical { get; init; } = true;

    /// <summary>Who runs it (a school, company, mbo college or the region), for display.</summary>
    public string ProviderName { get; init; } = "";

    /// <summary>The school whose own pupils hold the reserved seats; null for company, mbo or region-wide offers.</summary>
    public SchoolId? HostSchool { get; init; }

    public Eligibility Eligibility { get; init; } = new();

    /// <summary>A group runs with at least this many pupils, or not at all (HARD).</summary>
    public int MinGroupSize { get; init; } = 6;

    /// <summary>At most this many pupils in one group.</summary>
    public int MaxGroupSize { get; init; } = 15;

    /// <summary>How many groups of this elective may run side by side.</summary>
    public int MaxParallelGroups { get; init; } = 1;

    /// <summary>Seats reserved for the host school's own pupils; own pupils are placed there first when seats are scarce.</summary>
    public int OwnPupilSeats { get; init; }

    /// <summary>Seats open to pupils of other schools over all groups; 0 = not open to other schools.</summary>
    public int OpenSeats { get; init; }

    /// <summary>The qualification a staff member needs to staff a group, e.g. "PIE" or the elective code.</summary>
    public string RequiredQualification { get; init; } = "";

    /// <summary>One session per week the elective meets, in week order.</summary>
    public ImmutableArray<Session> Sessions { get; init; } = [];

    /// <summary>Lending-lab kits a running group needs each week it meets.</summary>
    public ImmutableArray<KitNeed> Kits { get; init; } = [];

    /// <summary>The provider cancelled the offer: it runs no group (a re-plan moves its pupils).</summary>
    public bool IsCancelled { get; init; }

    /// <summary>Total seats over all parallel groups.</summary>
    public int TotalSeats => MaxGroupSize * MaxParallelGroups;
}
