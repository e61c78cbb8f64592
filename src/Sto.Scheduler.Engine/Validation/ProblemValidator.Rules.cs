using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using static System.FormattableString;

namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    private static void ValidateRules(Context context)
    {
        if (context.Problem.Rules is null)
        {
            context.Add("rules", IssueCodes.NullEntry, "The region rules are missing.");
            return;
        }

        var rules = context.Rules;
        AtLeast(context, rules.PupilsPerStaffMember, 1, "rules.pupilsPerStaffMember", "Pupils per staff member");
        AtLeast(context, rules.BusThresholdKm, 0, "rules.busThresholdKm", "The bus threshold in km");
        AtLeast(context, rules.BusSeatCount, 1, "rules.busSeatCount", "Seats per bus");
        AtLeast(context, rules.MaxPlacementsPerPupil, 1, "rules.maxPlacementsPerPupil", "Placements per pupil");
        AtLeast(context, rules.MaxExternalPlacementsPerPupil, 0, "rules.maxExternalPlacementsPerPupil", "External placements per pupil");
        AtLeast(context, rules.ChangeoverMinutes, 0, "rules.changeoverMinutes", "Changeover minutes");
        var kinds = rules.StaffKindsCountingForRatio.NullToEmpty();
        for (var i = 0; i < kinds.Length; i++)
        {
            Defined(context, kinds[i], Invariant($"rules.staffKindsCountingForRatio[{i}]"), "Staff kind");
        }

        ValidateTravelModel(context, rules.Travel);
        ValidateObjective(context, rules.Objective);
    }

    private static void ValidateTravelModel(Context context, TravelModel? model)
    {
        if (model is null)
        {
            context.Add("rules.travel", IssueCodes.NullEntry, "The travel model is missing.");
            return;
        }

        Positive(context, model.RoadDetourFactor, "rules.travel.roadDetourFactor", "The road detour factor");
        Positive(context, model.BikeMinutesPerKm, "rules.travel.bikeMinutesPerKm", "Bike minutes per km");
        Positive(context, model.BusMinutesPerKm, "rules.travel.busMinutesPerKm", "Bus minutes per km");
        Positive(context, model.CarMinutesPerKm, "rules.travel.carMinutesPerKm", "Car minutes per km");

        // Fixed minutes may be 0 (no boarding time), but never negative.
        AtLeast(context, model.BusFixedMinutes, 0, "rules.travel.busFixedMinutes", "Fixed bus minutes");
        AtLeast(context, model.CarFixedMinutes, 0, "rules.travel.carFixedMinutes", "Fixed car minutes");
    }

    private static void ValidateObjective(Context context, ObjectiveSettings? objective)
    {
        if (objective is null)
        {
            context.Add("rules.objective", IssueCodes.NullEntry, "The objective settings are missing.");
            return;
        }

        Defined(context, objective.Mode, "rules.objective.mode", "Objective mode");
        if (objective.RankMaximal && objective.Mode == ObjectiveMode.Weighted)
        {
            context.Add(
                "rules.objective.rankMaximal",
                IssueCodes.RankMaximalNeedsLexicographic,
                "Rank-maximal preference is a sequence of tiers; it needs the lexicographic objective mode, not weighted.");
        }

        ValidateRankCosts(context, objective);
        AtLeast(context, objective.UnplacedWeight, 0, "rules.objective.unplacedWeight", "The unplaced weight");
        AtLeast(context, objective.PreferenceWeight, 0, "rules.objective.preferenceWeight", "The preference weight");
        AtLeast(context, objective.BusCostInTravelMinutes, 0, "rules.objective.busCostInTravelMinutes", "The bus cost in travel minutes");
        AtLeast(context, objective.TravelWeight, 0, "rules.objective.travelWeight", "The travel weight");
        AtLeast(context, objective.GroupCostInStaffAfternoons, 0, "rules.objective.groupCostInStaffAfternoons", "The group cost in staff-afternoons");
        AtLeast(context, objective.StaffingWeight, 0, "rules.objective.staffingWeight", "The staffing weight");
    }

    private static void ValidateRankCosts(Context context, ObjectiveSettings objective)
    {
        var costs = objective.RankCosts.NullToEmpty();
        if (costs.Length == 0)
        {
            context.Add("rules.objective.rankCosts", IssueCodes.NoRankCosts, "The rank costs are empty; give a cost for rank 1, 2, 3 … such as 0, 1, 3, 6, 10, 15.");
            return;
        }

        for (var i = 0; i < costs.Length; i++)
        {
            var path = Invariant($"rules.objective.rankCosts[{i}]");
            if (costs[i] < 0)
            {
                context.Add(path, IssueCodes.ValueOutOfRange, Invariant($"The cost of rank {i + 1} is {costs[i]}; it must be at least 0."));
            }
            else if (costs[i] > ObjectiveSettings.MaxRankCostValue)
            {
                context.Add(path, IssueCodes.ValueOutOfRange, Invariant($"The cost of rank {i + 1} is {costs[i]}; it may be at most {ObjectiveSettings.MaxRankCostValue}."));
            }
            else if (i > 0 && costs[i] < costs[i - 1])
            {
                context.Add(
                    path,
                    IssueCodes.RankCostsDecreasing,
                    Invariant($"The cost of rank {i + 1} is {costs[i]}, below the cost of rank {i} ({costs[i - 1]}); a worse rank may not cost less."));
            }
        }
    }
}
