using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Errors;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>Requests about runs → the stored run; two allocations → their comparison.</summary>
public static class AllocationRunMapping
{
    private static readonly TimeSpan MaxTimeLimit = TimeSpan.FromHours(1);

    /// <summary>The run to queue: only the writable fields of the request are kept.</summary>
    public static AllocationRun FromCreateRequest(AllocationRun? requested, FieldViolations violations)
    {
        if (requested is null)
        {
            violations.Add("allocation_run", "Required.");
            return new AllocationRun();
        }

        var run = new AllocationRun { DisplayName = requested.DisplayName, Weeks = { requested.Weeks }, Settings = requested.Settings?.Clone() };
        Conversions.CheckWeeks(run.Weeks, "allocation_run.weeks", violations);
        CheckSettings(run.Settings, "allocation_run.settings", violations);
        return run;
    }

    /// <summary>Run settings within range; <paramref name="path"/> is where the request holds them.</summary>
    public static void CheckSettings(RunSettings? settings, string path, FieldViolations violations)
    {
        if (settings?.TimeLimit is { } limit && (limit.ToTimeSpan() <= TimeSpan.Zero || limit.ToTimeSpan() > MaxTimeLimit))
        {
            violations.Add($"{path}.time_limit", "Must be more than 0 and at most 1 hour.");
        }

        if (settings?.RandomSeed < 0)
        {
            violations.Add($"{path}.random_seed", "Must not be negative.");
        }
    }

    /// <summary>The run's weeks must be weeks of the subregion.</summary>
    public static void CheckWeeks(AllocationRun run, Subregion subregion, FieldViolations violations)
    {
        if (run.Weeks.Count == 0 && subregion.Weeks.Count == 0)
        {
            violations.Add("allocation_run.weeks", "The subregion has no weeks; set weeks on the subregion first.");
        }

        for (var i = 0; i < run.Weeks.Count; i++)
        {
            if (!subregion.Weeks.Contains(run.Weeks[i], StringComparer.OrdinalIgnoreCase))
            {
                violations.Add($"allocation_run.weeks[{i}]", $"'{run.Weeks[i]}' is not a week of the subregion.");
            }
        }
    }

    public static CompareAllocationRunsResponse Compare(AllocationRun baseRun, Allocation baseAllocation, AllocationRun run, Allocation allocation)
    {
        var before = OffersByPupil(baseAllocation);
        var after = OffersByPupil(allocation);
        var response = new CompareAllocationRunsResponse { BaseQuality = baseRun.Quality, Quality = run.Quality };
        foreach (var pupil in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var a = before.GetValueOrDefault(pupil) ?? [];
            var b = after.GetValueOrDefault(pupil) ?? [];
            if (a.SequenceEqual(b))
            {
                response.UnchangedPupilCount++;
                continue;
            }

            response.ChangedPupilCount++;
            response.Changes.Add(new PlacementChange { Pupil = pupil, BaseElectiveOffers = { a }, ElectiveOffers = { b } });
        }

        return response;
    }

    private static Dictionary<string, List<string>> OffersByPupil(Allocation allocation)
    {
        var result = allocation.Placements
            .GroupBy(p => p.Pupil)
            .ToDictionary(g => g.Key, g => g.Select(p => p.ElectiveOffer).Order(StringComparer.Ordinal).ToList());
        foreach (var unplaced in allocation.UnplacedPupils)
        {
            result.TryAdd(unplaced.Pupil, []);
        }

        return result;
    }
}
