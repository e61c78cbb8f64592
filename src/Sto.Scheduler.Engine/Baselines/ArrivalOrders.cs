using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// Orders in which pupils reach the <see cref="GreedyAllocator"/>. Seeded orders use <c>new Random(seed)</c>, so the
/// same problem and seed always give the same order.
/// </summary>
public static class ArrivalOrders
{
    /// <summary>
    /// Today's practice: schools sign up one after another in a random order, and within a school its pupils come
    /// in a random order.
    /// </summary>
    public static IReadOnlyList<PupilId> FirstComeFirstServed(SchedulingProblem problem, int seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var random = new Random(seed);
        var pupils = DistinctPupils(problem);
        var schools = problem.Schools.NullToEmpty().Where(s => s is not null).Select(s => s.Id)
            .Concat(pupils.Select(p => p.School))
            .Distinct()
            .ToArray();
        Shuffle(schools, random);

        var bySchool = pupils.ToLookup(p => p.School, p => p.Id);
        var order = new List<PupilId>(pupils.Length);
        foreach (var school in schools)
        {
            var own = bySchool[school].ToArray();
            Shuffle(own, random);
            order.AddRange(own);
        }

        return order;
    }

    /// <summary>Random serial dictatorship: all pupils in one random order, regardless of school.</summary>
    public static IReadOnlyList<PupilId> RandomSerialDictatorship(SchedulingProblem problem, int seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var order = DistinctPupils(problem).Select(p => p.Id).ToArray();
        Shuffle(order, new Random(seed));
        return order;
    }

    /// <summary>By ascending published lottery number (<see cref="LotteryDraw"/>); the order of the solver's hint.</summary>
    public static IReadOnlyList<PupilId> ByLottery(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var lottery = LotteryDraw.Draw(problem);
        return [.. DistinctPupils(problem)
            .Select(p => p.Id)
            .OrderBy(id => lottery.TryGetValue(id, out var number) ? number : int.MaxValue)];
    }

    private static Pupil[] DistinctPupils(SchedulingProblem problem)
    {
        var seen = new HashSet<PupilId>();
        return [.. problem.Pupils.NullToEmpty().Where(p => p is not null && seen.Add(p.Id))];
    }

    private static void Shuffle<T>(T[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
