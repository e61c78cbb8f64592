namespace Sto.Scheduler.Engine.Baselines;

/// <summary>
/// Places pupils the greedy pass left out along augmenting paths, as in bipartite matching: the left-out pupil takes
/// the seat of a pupil in a full offer, who moves on to another of their choices, and so on until an offer with room
/// is reached. Groups only swap pupils (and the last offer gains one), so no group shrinks below its minimum and
/// no staffing, venue or kit decision is undone; each path places exactly one more pupil.
/// </summary>
/// <remarks>
/// Used for the solver's hint, never for the first-come-first-served baseline (which stands for today's practice).
/// Only for one placement per pupil: with k &gt; 1 the per-pupil week and code rules make a seat swap unsafe.
/// </remarks>
internal sealed class GreedyAugmenter(GreedyState state, GreedyPass pass)
{
    private readonly record struct Step(int Offer, int EnteringPupil, GreedyChoice EnteringChoice, int Parent, GreedyGroup? Group, int LeavingPupil);

    /// <summary>Augments until a full sweep over the left-out pupils places nobody; returns how many were placed.</summary>
    public int Run(IReadOnlyList<int> order, int maxSweeps = 4)
    {
        if (state.Rules.MaxPlacementsPerPupil != 1)
        {
            return 0;
        }

        // The plan may have changed since the last call: forget what earlier searches learned.
        _room.Clear();
        _dead.Clear();
        var placed = 0;
        for (var sweep = 0; sweep < maxSweeps; sweep++)
        {
            var gained = 0;
            foreach (var pupil in order)
            {
                var candidate = state.Pupils[pupil];
                if (candidate.Placements.Count == 0 && candidate.Choices.Length > 0 && TryAugment(pupil))
                {
                    gained++;
                }
            }

            placed += gained;
            if (gained == 0)
            {
                break;
            }
        }

        return placed;
    }

    private bool TryAugment(int pupil)
    {
        // Breadth first over offers, so the path (and the number of pupils who move) is as short as possible.
        var steps = new List<Step>();
        var visited = new HashSet<int>();
        foreach (var choice in state.Pupils[pupil].Choices)
        {
            if (MayEnter(pupil, choice) && !_dead.Contains((choice.OfferIndex, choice.IsFromOtherSchool)) && visited.Add(choice.OfferIndex))
            {
                steps.Add(new Step(choice.OfferIndex, pupil, choice, -1, null, -1));
            }
        }

        for (var head = 0; head < steps.Count; head++)
        {
            var step = steps[head];
            var offer = state.Offers[step.Offer];
            if (HasRoom(step.Offer, step.EnteringChoice.IsFromOtherSchool))
            {
                return Apply(steps, head);
            }

            foreach (var group in offer.Groups)
            {
                foreach (var leaving in group.Pupils)
                {
                    // With one placement per pupil and each offer visited once, no pupil can appear twice on a path.
                    if (!CanSwap(offer, group, leaving, step))
                    {
                        continue;
                    }

                    foreach (var next in state.Pupils[leaving].Choices)
                    {
                        if (next.OfferIndex != step.Offer && MayEnter(leaving, next)
                            && !_dead.Contains((next.OfferIndex, next.IsFromOtherSchool)) && visited.Add(next.OfferIndex))
                        {
                            steps.Add(new Step(next.OfferIndex, leaving, next, head, group, leaving));
                        }
                    }
                }
            }
        }

        // As in Kuhn's matching algorithm: what this search explored leads to no room until the next path changes
        // the plan, so later searches skip it.
        foreach (var step in steps)
        {
            _dead.Add((step.Offer, step.EnteringChoice.IsFromOtherSchool));
        }

        return false;
    }

    private readonly HashSet<(int Offer, bool FromOtherSchool)> _dead = [];

    /// <summary>Room checks try staffing, which is costly; the answers hold until the next path is applied.</summary>
    private bool HasRoom(int offer, bool fromOtherSchool)
    {
        if (!_room.TryGetValue((offer, fromOtherSchool), out var room))
        {
            room = pass.HasRoomFor(state.Offers[offer], fromOtherSchool);
            _room[(offer, fromOtherSchool)] = room;
        }

        return room;
    }

    private readonly Dictionary<(int Offer, bool FromOtherSchool), bool> _room = [];

    /// <summary>The pupil-level rules for a pupil whose only placement may be given up (k = 1).</summary>
    private bool MayEnter(int pupil, GreedyChoice choice) =>
        !state.Offers[choice.OfferIndex].HasUnknownVenue
        && (!choice.IsAway || state.Rules.MaxExternalPlacementsPerPupil >= 1)
        && !state.Pupils[pupil].ClosedOnMe.Contains(choice.OfferIndex);

    /// <summary>The entering pupil may take the leaving pupil's seat: only the open-seat count can change.</summary>
    private bool CanSwap(GreedyOffer offer, GreedyGroup group, int leaving, Step step)
    {
        var leavingSeat = state.Pupils[leaving].Placements.Find(p => p.Group == group);
        var change = (step.EnteringChoice.IsFromOtherSchool ? 1 : 0) - (leavingSeat.Choice.IsFromOtherSchool ? 1 : 0);
        return change <= 0 || offer.OtherSchoolPupils + change <= offer.Offer.OpenSeats;
    }

    private bool Apply(List<Step> steps, int terminal)
    {
        _room.Clear();
        _dead.Clear();
        var last = steps[terminal];
        if (!pass.TryJoinRunningGroup(last.EnteringPupil, last.EnteringChoice))
        {
            return false;
        }

        // Walk back: each step's entering pupil left the parent's offer, whose seat the parent's entering pupil takes.
        for (var i = terminal; steps[i].Parent >= 0; i = steps[i].Parent)
        {
            var parent = steps[steps[i].Parent];
            pass.Replace(steps[i].Group!, steps[i].LeavingPupil, parent.EnteringPupil, parent.EnteringChoice);
        }

        return true;
    }
}
