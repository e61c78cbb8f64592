using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Decoding;

/// <summary>
/// The exact value of each objective tier of an allocation (docs/rules.md "Exact tier values"), as computed by
/// <see cref="ObjectiveCalculator"/> and minimised by the CP-SAT model. Lower is better in every tier.
/// </summary>
/// <param name="Placement">Tier 1: pupils with no placement.</param>
/// <param name="Preference">Tier 2: Σ over placements of the rank cost.</param>
/// <param name="Travel">Tier 3: bus cost × buses + pupil round-trip minutes.</param>
/// <param name="Staffing">Tier 4: staff-afternoons + group cost × running group-afternoons.</param>
/// <param name="Priority">Tier 5: own pupils on reserved seats first, then the lottery.</param>
public sealed record TierValues(long Placement, long Preference, long Travel, long Staffing, long Priority)
{
    /// <summary>
    /// The single objective of <see cref="ObjectiveMode.Weighted"/>: <c>UnplacedWeight × placement +
    /// PreferenceWeight × preference + TravelWeight × travel + StaffingWeight × staffing</c> (priority is not
    /// part of it). Checked arithmetic: an overflow throws rather than wrapping.
    /// </summary>
    public long Weighted(ObjectiveSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return checked(
            (settings.UnplacedWeight * Placement)
            + (settings.PreferenceWeight * Preference)
            + (settings.TravelWeight * Travel)
            + (settings.StaffingWeight * Staffing));
    }
}
