using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Engine.Validation;
using Sto.Scheduler.Grpc.Errors;
using static Sto.Scheduler.Grpc.Mapping.Conversions;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>
/// Field-level checks of each resource beyond REQUIRED (which <see cref="ProtoFields.CheckRequired"/> does):
/// forms, ranges, references. Domain rules across resources are the Engine validator's job.
/// </summary>
public static class ResourceValidation
{
    public static void Subregion(Subregion s, string path, FieldViolations v)
    {
        if (s.Afternoon is { } a)
        {
            CheckTime(a.StartTime, $"{path}.afternoon.start_time", v);
            CheckTime(a.EndTime, $"{path}.afternoon.end_time", v);
            CheckOrder(a.StartTime, a.EndTime, $"{path}.afternoon.end_time", v);
        }

        CheckWeeks(s.Weeks, $"{path}.weeks", v);
        if (s.Rules is { } r)
        {
            CheckNotNegative(r.PupilsPerStaffMember, $"{path}.rules.pupils_per_staff_member", v);
            CheckNotNegative((long)Math.Floor(r.BusThresholdKm), $"{path}.rules.bus_threshold_km", v);
            CheckNotNegative(r.BusSeatCount, $"{path}.rules.bus_seat_count", v);
            CheckNotNegative(r.MaxPlacementsPerPupil, $"{path}.rules.max_placements_per_pupil", v);
            CheckNotNegative(r.MaxExternalPlacementsPerPupil, $"{path}.rules.max_external_placements_per_pupil", v);
            CheckNotNegative(r.ChangeoverMinutes, $"{path}.rules.changeover_minutes", v);
            CheckRankCosts(r.RankCosts, $"{path}.rules.rank_costs", v);
        }

        for (var i = 0; i < s.TravelLegs.Count; i++)
        {
            var leg = s.TravelLegs[i];
            CheckSite(leg.FromSite, s.Name, $"{path}.travel_legs[{i}].from_site", v);
            CheckSite(leg.ToSite, s.Name, $"{path}.travel_legs[{i}].to_site", v);
            CheckNotNegative((long)Math.Floor(leg.DistanceKm), $"{path}.travel_legs[{i}].distance_km", v);
        }
    }

    /// <summary>The most ranks a policy may price: pupils choose 3–6 electives.</summary>
    public const int MaxRankCosts = 20;

    private static void CheckRankCosts(IList<int> costs, string path, FieldViolations v)
    {
        if (costs.Count > MaxRankCosts)
        {
            v.Add(path, $"At most {MaxRankCosts} entries (a rank beyond the list costs the last entry).");
            return;
        }

        for (var i = 0; i < costs.Count; i++)
        {
            if (costs[i] < 0 || costs[i] > Engine.Domain.ObjectiveSettings.MaxRankCostValue)
            {
                v.Add($"{path}[{i}]", $"Must be between 0 and {Engine.Domain.ObjectiveSettings.MaxRankCostValue}.");
            }
            else if (i > 0 && costs[i] < costs[i - 1])
            {
                v.Add($"{path}[{i}]", $"Must not be below rank_costs[{i - 1}] ({costs[i - 1]}): a later choice may not cost less.");
            }
        }
    }

    public static void EquipmentKit(EquipmentKit k, string path, FieldViolations v) =>
        CheckNotNegative(k.KitCount, $"{path}.kit_count", v);

    public static void School(School s, string path, FieldViolations v)
    {
        CheckLocation(s.Location, $"{path}.location", v);
        CheckTime(s.ReleaseTime, $"{path}.release_time", v);
        CheckTime(s.ReturnByTime, $"{path}.return_by_time", v);
        CheckOrder(s.ReleaseTime, s.ReturnByTime, $"{path}.return_by_time", v);
    }

    public static void Venue(Venue s, string path, FieldViolations v)
    {
        CheckLocation(s.Location, $"{path}.location", v);
        CheckNotNegative(s.WeeklyPupilCapacity, $"{path}.weekly_pupil_capacity", v);
        if (s.School.Length > 0)
        {
            CheckReference(s.School, ResourceNames.School, s.Name, $"{path}.school", v);
        }

        CheckWeeks(s.HostingWeeks, $"{path}.hosting_weeks", v);
        for (var i = 0; i < s.CapacityOverrides.Count; i++)
        {
            CheckWeek(s.CapacityOverrides[i].Week, $"{path}.capacity_overrides[{i}].week", v);
            CheckNotNegative(s.CapacityOverrides[i].PupilCapacity, $"{path}.capacity_overrides[{i}].pupil_capacity", v);
        }
    }

    public static void ElectiveOffer(ElectiveOffer o, string path, FieldViolations v)
    {
        if (o.MinGroupSize < 1)
        {
            v.Add($"{path}.min_group_size", "Must be at least 1.");
        }

        if (o.MaxGroupSize < o.MinGroupSize)
        {
            v.Add($"{path}.max_group_size", "Must be at least min_group_size.");
        }

        CheckNotNegative(o.MaxParallelGroups, $"{path}.max_parallel_groups", v);
        CheckNotNegative(o.OwnPupilSeatCount, $"{path}.own_pupil_seat_count", v);
        CheckNotNegative(o.OpenSeatCount, $"{path}.open_seat_count", v);
        if (o.Eligibility is { } e)
        {
            for (var i = 0; i < e.Years.Count; i++)
            {
                if (e.Years[i] is not (3 or 4))
                {
                    v.Add($"{path}.eligibility.years[{i}]", "Must be 3 or 4 (the upper years that take electives).");
                }
            }

            CheckPaths(e.LearningPaths, $"{path}.eligibility.learning_paths", v);
        }

        CheckSeats(o, path, v);
        for (var i = 0; i < o.Sessions.Count; i++)
        {
            var s = o.Sessions[i];
            var p = $"{path}.sessions[{i}]";
            CheckWeek(s.Week, $"{p}.week", v);
            CheckReference(s.Venue, ResourceNames.Venue, o.Name, $"{p}.venue", v);
            CheckTime(s.StartTime, $"{p}.start_time", v);
            CheckTime(s.EndTime, $"{p}.end_time", v);
            CheckOrder(s.StartTime, s.EndTime, $"{p}.end_time", v);
        }

        if (o.Sessions.Select(s => s.Week).Distinct(StringComparer.OrdinalIgnoreCase).Count() != o.Sessions.Count)
        {
            v.Add($"{path}.sessions", "At most one session per week.");
        }

        for (var i = 0; i < o.KitNeeds.Count; i++)
        {
            CheckReference(o.KitNeeds[i].EquipmentKit, ResourceNames.EquipmentKit, o.Name, $"{path}.kit_needs[{i}].equipment_kit", v);
            CheckNotNegative(o.KitNeeds[i].CountPerGroup, $"{path}.kit_needs[{i}].count_per_group", v);
        }
    }

    /// <summary>The Engine's seat rules (<see cref="ProblemValidator.ValidateOfferSeats"/>), reported on the proto fields.</summary>
    private static void CheckSeats(ElectiveOffer o, string path, FieldViolations v)
    {
        if (o.OwnPupilSeatCount < 0 || o.OpenSeatCount < 0 || o.MaxGroupSize < 1 || o.MaxParallelGroups < 0)
        {
            return; // reported above, field by field
        }

        var offer = new Engine.Domain.ElectiveOffer
        {
            Id = new Engine.Domain.OfferId(o.Name),
            HostSchool = o.Regional ? null : new Engine.Domain.SchoolId(ResourcePattern.Ancestor(o.Name, 2)),
            MinGroupSize = o.MinGroupSize,
            MaxGroupSize = o.MaxGroupSize,
            MaxParallelGroups = Math.Max(1, o.MaxParallelGroups),
            OwnPupilSeats = o.OwnPupilSeatCount,
            OpenSeats = o.OpenSeatCount,
        };
        foreach (var issue in ProblemValidator.ValidateOfferSeats(offer))
        {
            var field = issue.Path switch
            {
                "ownPupilSeats" => "own_pupil_seat_count",
                "openSeats" => "open_seat_count",
                _ => null,
            };
            if (field is not null)
            {
                v.Add($"{path}.{field}", $"{issue.Message} [{issue.Code}]");
            }
        }
    }

    public static void Pupil(Pupil p, string path, FieldViolations v)
    {
        if (p.Year is not (3 or 4))
        {
            v.Add($"{path}.year", "Must be 3 or 4 (the upper years that take electives).");
        }

        CheckPaths([p.LearningPath], $"{path}.learning_path", v);
        for (var i = 0; i < p.Choices.Count; i++)
        {
            CheckReference(p.Choices[i].ElectiveOffer, ResourceNames.ElectiveOffer, p.Name, $"{path}.choices[{i}].elective_offer", v);
            if (p.Choices[i].Rank < 1)
            {
                v.Add($"{path}.choices[{i}].rank", "Ranks start at 1.");
            }
        }

        if (p.Choices.Select(c => c.Rank).Distinct().Count() != p.Choices.Count)
        {
            v.Add($"{path}.choices", "Ranks must be unique.");
        }

        if (p.Choices.Select(c => c.ElectiveOffer).Distinct(StringComparer.Ordinal).Count() != p.Choices.Count)
        {
            v.Add($"{path}.choices", "An elective offer can be chosen only once.");
        }
    }

    public static void StaffMember(StaffMember s, string path, FieldViolations v)
    {
        if (s.BaseSite.Length > 0)
        {
            CheckSite(s.BaseSite, s.Name, $"{path}.base_site", v);
        }

        CheckWeeks(s.AvailableWeeks, $"{path}.available_weeks", v);
    }

    private static void CheckSite(string site, string ownName, string field, FieldViolations v)
    {
        if (ResourceNames.School.Matches(site) || ResourceNames.Venue.Matches(site))
        {
            if (Auth.AccessChecks.SubregionOf(site) != Auth.AccessChecks.SubregionOf(ownName))
            {
                v.Add(field, "Must belong to the same subregion.");
            }
        }
        else
        {
            v.Add(field, $"'{site}' is not a School or Venue name.");
        }
    }

    private static void CheckPaths(IEnumerable<LearningPath> paths, string field, FieldViolations v)
    {
        if (paths.Any(p => p == LearningPath.Unspecified || !Enum.IsDefined(p)))
        {
            v.Add(field, "Must be one of the LEARNING_PATH_* values, not UNSPECIFIED.");
        }
    }
}
