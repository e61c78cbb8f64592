using System.Collections.Frozen;
using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Feasibility;

/// <summary>
/// One seeded lottery number per pupil (Amsterdam's single tie-breaking, ANCHORS §2.8): pupils sorted by id,
/// shuffled with <see cref="SchedulingProblem.LotterySeed"/>, numbered from 1. Same seed and pupils, same numbers,
/// whatever the input order.
/// </summary>
public static class LotteryDraw
{
    public static FrozenDictionary<PupilId, int> Draw(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var ids = problem.Pupils.NullToEmpty()
            .Where(p => p is not null && p.Id.Value is not null)
            .Select(p => p.Id)
            .Distinct()
            .OrderBy(id => id.Value, StringComparer.Ordinal)
            .ToArray();

        // System.Random with a seed is the documented, stable legacy generator: reproducible across runs.
        var random = new Random(problem.LotterySeed);
        for (var i = ids.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }

        var numbers = new Dictionary<PupilId, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            numbers[ids[i]] = i + 1;
        }

        return numbers.ToFrozenDictionary();
    }
}
