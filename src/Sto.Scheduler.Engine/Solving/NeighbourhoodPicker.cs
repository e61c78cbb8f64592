using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Engine.Solving;

/// <summary>
/// Chooses the part of a plan a <see cref="LargeNeighbourhoodSearch"/> step may change: a few offers that compete for
/// the same staff or the same pupils, their options and staff slots, and every pair of every pupil who chose one of
/// them (so pupils can move in and out). Everything else among pairs, options and staff slots stays as it is.
/// </summary>
internal sealed class NeighbourhoodPicker
{
    private readonly AllocationModel _model;
    private readonly Random _random;
    private readonly int[] _liveOffers;
    private readonly int[][] _staffNeighbours;
    private readonly int[][] _pupilNeighbours;
    private readonly List<int>[] _slotsByOffer;
    private readonly Func<int, bool>? _seedPupils;
    private readonly Func<long[], Random, IReadOnlyList<int>>? _seedOffers;

    /// <param name="model">The model whose offers, pairs and staff slots are picked from.</param>
    /// <param name="random">The source of every choice.</param>
    /// <param name="seedPupils">Which unplaced pupils may seed a neighbourhood (e.g. only those a tier counts); null = all.</param>
    /// <param name="seedOffers">
    /// Seeds chosen by the caller instead (e.g. a moved pupil's published and current offer); an empty answer falls
    /// back to the unplaced pupils' choices.
    /// </param>
    public NeighbourhoodPicker(AllocationModel model, Random random, Func<int, bool>? seedPupils = null, Func<long[], Random, IReadOnlyList<int>>? seedOffers = null)
    {
        _model = model;
        _random = random;
        _seedPupils = seedPupils;
        _seedOffers = seedOffers;
        _liveOffers = [.. Enumerable.Range(0, model.Offers.Length).Where(o => model.OptionVars[o] is not null)];
        _slotsByOffer = [.. Enumerable.Range(0, model.Offers.Length).Select(_ => new List<int>())];
        for (var s = 0; s < model.StaffSlots.Count; s++)
        {
            _slotsByOffer[model.StaffSlots[s].Offer].Add(s);
        }

        // Offers that draw on the same staff type in the same week class can only trade staff with each other.
        var offersByStaffPool = model.StaffSlots
            .GroupBy(s => (s.Type, s.WeekClass))
            .ToDictionary(g => g.Key, g => g.Select(s => s.Offer).Distinct().ToArray());
        _staffNeighbours = [.. Enumerable.Range(0, model.Offers.Length).Select(o => _slotsByOffer[o]
            .SelectMany(s => offersByStaffPool[(model.StaffSlots[s].Type, model.StaffSlots[s].WeekClass)])
            .Where(n => n != o && model.OptionVars[n] is not null)
            .Distinct()
            .ToArray())];

        // Offers that share candidates can only trade pupils with each other.
        _pupilNeighbours = [.. Enumerable.Range(0, model.Offers.Length).Select(o => model.PairsByOffer[o]
            .SelectMany(i => model.PairsByPupil[model.Pairs[i].Pupil])
            .Select(i => model.Pairs[i].Offer)
            .Where(n => n != o && model.OptionVars[n] is not null)
            .Distinct()
            .ToArray())];
    }

    /// <summary>The offers of the next neighbourhood: a seed (an offer an unplaced pupil chose, when there is one) grown to <paramref name="size"/> linked offers.</summary>
    public HashSet<int> PickOffers(long[] solution, int size)
    {
        var offers = new HashSet<int>();
        if (_liveOffers.Length == 0)
        {
            return offers;
        }

        var members = new List<int>();
        foreach (var seed in SeedOffers(solution))
        {
            if (offers.Count < size && offers.Add(seed))
            {
                members.Add(seed);
            }
        }

        for (var attempt = 0; offers.Count < size && attempt < size * 8; attempt++)
        {
            var from = members[_random.Next(members.Count)];
            var links = _random.Next(2) == 0 ? _staffNeighbours[from] : _pupilNeighbours[from];
            if (links.Length == 0)
            {
                continue;
            }

            var next = links[_random.Next(links.Length)];
            if (offers.Add(next))
            {
                members.Add(next);
            }
        }

        return offers;
    }

    /// <summary>The variable indices a step over <paramref name="offers"/> may change, among pairs, options and staff slots.</summary>
    public HashSet<int> FreeVariables(IReadOnlySet<int> offers)
    {
        var free = new HashSet<int>();
        foreach (var o in offers)
        {
            foreach (var option in _model.OptionVars[o] ?? [])
            {
                free.Add(option.GetIndex());
            }

            foreach (var s in _slotsByOffer[o])
            {
                free.Add(_model.StaffSlots[s].Assigned.GetIndex());
            }

            foreach (var i in _model.PairsByOffer[o])
            {
                foreach (var j in _model.PairsByPupil[_model.Pairs[i].Pupil])
                {
                    free.Add(_model.Pairs[j].Place.GetIndex());
                }
            }
        }

        return free;
    }

    /// <summary>
    /// Every offer an unplaced pupil chose (a placement is only won where one of them can take that pupil), or a random
    /// offer when everyone is placed.
    /// </summary>
    private IEnumerable<int> SeedOffers(long[] solution)
    {
        if (_seedOffers?.Invoke(solution, _random) is { Count: > 0 } chosen)
        {
            return chosen;
        }

        var unplaced = new List<int>();
        for (var p = 0; p < _model.PairsByPupil.Length; p++)
        {
            var pairs = _model.PairsByPupil[p];
            if (pairs.Count > 0 && (_seedPupils is null || _seedPupils(p)) && pairs.All(i => solution[_model.Pairs[i].Place.GetIndex()] == 0))
            {
                unplaced.Add(p);
            }
        }

        if (unplaced.Count > 0)
        {
            var offers = _model.PairsByPupil[unplaced[_random.Next(unplaced.Count)]]
                .Select(i => _model.Pairs[i].Offer)
                .Where(o => _model.OptionVars[o] is not null)
                .OrderBy(_ => _random.Next())
                .ToList();
            if (offers.Count > 0)
            {
                return offers;
            }
        }

        return [_liveOffers[_random.Next(_liveOffers.Length)]];
    }
}
