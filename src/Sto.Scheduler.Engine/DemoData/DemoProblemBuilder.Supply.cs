using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.DemoData;

/// <summary>
/// Supply planned from the choices (<see cref="DemoParameters.SupplyFollowsDemand"/>): as schools do once the choices
/// are in, an offer whose first and second choices outnumber its seats gets parallel groups (up to
/// <see cref="MaxPlannedGroups"/>) and the staff for them. Runs after the pupils, so every earlier draw — and every
/// problem generated without the option — stays as it was.
/// </summary>
internal sealed partial class DemoProblemBuilder
{
    private const int MaxPlannedGroups = 4;

    private void PlanSupplyForDemand()
    {
        if (!_p.SupplyFollowsDemand)
        {
            return;
        }

        var demand = _pupils.SelectMany(p => p.Choices).Where(c => c.Rank <= 2)
            .GroupBy(c => c.Offer).ToDictionary(g => g.Key, g => g.Count());
        var rules = new RegionRules();
        for (var i = 0; i < _offers.Count; i++)
        {
            var offer = _offers[i];
            var wanted = demand.GetValueOrDefault(offer.Id);
            if (offer.HostSchool is not { } host || offer.Sessions.Any(s => s.Venue.Value.StartsWith("hotspot-", StringComparison.Ordinal)))
            {
                continue;
            }

            var groups = offer.MaxParallelGroups;
            while (groups < MaxPlannedGroups && wanted > groups * offer.MaxGroupSize)
            {
                groups++;
            }

            if (groups == offer.MaxParallelGroups)
            {
                continue;
            }

            // Own and open seats grow with the groups, in the same proportion.
            var open = (int)Math.Round(offer.OpenSeats * (double)groups / offer.MaxParallelGroups);
            var total = groups * offer.MaxGroupSize;
            _offers[i] = offer with { MaxParallelGroups = groups, OpenSeats = Math.Min(open, total), OwnPupilSeats = total - Math.Min(open, total) };
            for (var extra = offer.MaxParallelGroups; extra < groups; extra++)
            {
                AddGroupStaff(_offers[i], host, extra + 1, StaffRules.RequiredStaff(offer.MaxGroupSize, SessionKind.Practical, rules));
            }
        }
    }

    /// <summary>A qualified docent for the extra group and instructors for the rest of its ratio.</summary>
    private void AddGroupStaff(ElectiveOffer offer, SchoolId host, int group, int needed)
    {
        var school = _schools.First(s => s.Id == host);
        for (var n = 0; n < needed; n++)
        {
            var isDocent = n == 0;
            _staff.Add(new StaffMember
            {
                Id = new StaffId($"{offer.Id.Value}-g{group}-{(isDocent ? 'd' : 'i')}{n + 1}"),
                Name = StaffName(),
                Kind = isDocent ? StaffKind.Docent : StaffKind.Instructor,
                IsQualifiedTeacher = isDocent,
                Employer = school.Name,
                BaseSite = host.Value,
                Qualifications = [.. new[] { offer.RequiredQualification, offer.Profile }.Where(q => !string.IsNullOrEmpty(q)).Distinct()],
            });
        }
    }
}
