namespace Sto.Scheduler.Engine.DemoData;

/// <summary>The few distributions the demo generator draws from, all from one seeded <see cref="Random"/>.</summary>
internal static class RandomDraws
{
    /// <summary>True with the given probability.</summary>
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>An integer in [min, max], both inclusive.</summary>
    public static int Between(this Random random, int min, int max) => random.Next(min, max + 1);

    /// <summary>A double in [min, max).</summary>
    public static double Uniform(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A lognormal draw with median 1.</summary>
    public static double LogNormal(this Random random, double sigma) => Math.Exp(sigma * random.Normal());

    /// <summary>One item, uniformly.</summary>
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>An index drawn proportionally to non-negative weights; -1 when all are zero.</summary>
    public static int WeightedIndex(this Random random, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        if (total <= 0)
        {
            return -1;
        }

        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0 && weights[i] > 0)
            {
                return i;
            }
        }

        for (var i = weights.Count - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One item drawn proportionally to its weight.</summary>
    public static T PickWeighted<T>(this Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var index = random.WeightedIndex(items.Select(weight).ToArray());
        return items[index < 0 ? random.Next(items.Count) : index];
    }

    /// <summary>A Fisher–Yates shuffle of a copy.</summary>
    public static List<T> Shuffled<T>(this Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    /// <summary>Splits a total into parts proportional to weights (largest remainder; ties by index).</summary>
    public static int[] Apportion(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var parts = new int[weights.Count];
        if (weights.Count == 0 || sum <= 0)
        {
            return parts;
        }

        var remainders = new double[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = total * weights[i] / sum;
            parts[i] = (int)Math.Floor(exact);
            remainders[i] = exact - parts[i];
        }

        var left = total - parts.Sum();
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(left))
        {
            parts[i]++;
        }

        return parts;
    }
}
