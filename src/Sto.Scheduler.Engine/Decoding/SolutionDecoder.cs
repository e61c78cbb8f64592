using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Engine.Decoding;

/// <summary>
/// Turns solver values into an <see cref="Allocation"/>, reading them only through the model's variable
/// containers. Pupils of one school are kept together when an offer splits into parallel groups (A21).
/// </summary>
internal static class SolutionDecoder
{
    public static Allocation Decode(AllocationModel model, IReadOnlyList<long> values)
    {
        var problem = model.Index.Problem;
        var rules = problem.Rules;
        var ratio = Math.Max(1, rules.PupilsPerStaffMember);
        var placements = new List<PupilPlacement>();
        var groups = new List<GroupPlan>();
        var placedPupils = new HashSet<int>();
        var staffByOfferAndClass = StaffTypeDecoder.Decode(model, values);

        for (var o = 0; o < model.Offers.Length; o++)
        {
            var offer = model.Offers[o];
            var chosen = model.PairsByOffer[o].Where(i => values[model.Pairs[i].Place.GetIndex()] == 1).Select(i => model.Pairs[i]).ToList();
            if (chosen.Count == 0 || model.Options[o] is null)
            {
                continue;
            }

            var option = model.Options[o]![Array.FindIndex(model.OptionVars[o]!, v => values[v.GetIndex()] == 1)];
            var sizes = GroupOptions.Split(chosen.Count, option.Groups, offer.MinGroupSize, offer.MaxGroupSize, ratio)
                ?? throw new InvalidOperationException($"No split of {chosen.Count} pupils into {option.Groups} groups of offer {offer.Id}.");
            // Pupils keep their group of the published plan where sizes allow (a re-plan), then school mates stay together.
            var ordered = chosen
                .OrderBy(c => model.Baseline is not null && model.Baseline.Placements.TryGetValue(model.Pupils[c.Pupil].Id, out var before) && before.Offer == offer.Id ? before.Group : int.MaxValue)
                .ThenBy(c => model.Pupils[c.Pupil].School.Value, StringComparer.Ordinal)
                .ThenBy(c => model.Index.Lottery[model.Pupils[c.Pupil].Id])
                .ToList();

            var members = new List<PupilId>[sizes.Length];
            var next = 0;
            for (var g = 0; g < sizes.Length; g++)
            {
                members[g] = [];
                for (var i = 0; i < sizes[g]; i++, next++)
                {
                    var pair = ordered[next];
                    var pupil = model.Pupils[pair.Pupil];
                    members[g].Add(pupil.Id);
                    placedPupils.Add(pair.Pupil);
                    placements.Add(new PupilPlacement { Pupil = pupil.Id, Offer = offer.Id, Group = g + 1, Rank = pair.Rank });
                }
            }

            var staffing = StaffPerWeek(model, o, sizes, staffByOfferAndClass);
            for (var g = 0; g < sizes.Length; g++)
            {
                groups.Add(new GroupPlan
                {
                    Offer = offer.Id,
                    Group = g + 1,
                    Pupils = [.. members[g]],
                    Staffing = [.. staffing.Select(w => new GroupWeekStaffing { Week = w.Week, Staff = [.. w.Groups[g].Select(s => s.Id)] })],
                });
            }
        }

        var unplaced = Enumerable.Range(0, model.Pupils.Length)
            .Where(p => !placedPupils.Contains(p))
            .Select(p => new UnplacedPupil
            {
                Pupil = model.Pupils[p].Id,
                Reason = model.PairsByPupil[p].Count == 0 ? "no-feasible-choice" : "capacity",
            });

        var orderedPlacements = placements.OrderBy(p => p.Pupil.Value, StringComparer.Ordinal).ThenBy(p => p.Offer.Value, StringComparer.Ordinal).ToImmutableArray();
        return new Allocation
        {
            Placements = orderedPlacements,
            Groups = [.. groups.OrderBy(g => g.Offer.Value, StringComparer.Ordinal).ThenBy(g => g.Group)],
            BusTrips = BusPlanner.PlanBuses(problem, orderedPlacements),
            Unplaced = [.. unplaced.OrderBy(u => u.Pupil.Value, StringComparer.Ordinal)],
            Lottery = [.. model.Index.Lottery.OrderBy(l => l.Value).Select(l => new LotteryTicket { Pupil = l.Key, Number = l.Value })],
        };
    }

    private static List<(Week Week, List<StaffMember>[] Groups)> StaffPerWeek(
        AllocationModel model, int offer, int[] sizes, Dictionary<(int Offer, int WeekClass), List<StaffMember>> staffByOfferAndClass)
    {
        var rules = model.Index.Problem.Rules;
        var previous = new Dictionary<StaffId, int>();
        var result = new List<(Week, List<StaffMember>[])>();
        foreach (var session in model.Offers[offer].Sessions.OrderBy(s => s.Week))
        {
            var weekClass = model.WeekClasses.First(c => c.Weeks.Contains(session.Week) && c.MeetingOffers.Contains(offer));
            var assigned = staffByOfferAndClass.TryGetValue((offer, weekClass.Number), out var people) ? people : [];
            var perGroup = GroupStaffDistributor.Distribute(sizes, session.Kind, assigned, rules, previous);
            previous.Clear();
            for (var g = 0; g < perGroup.Length; g++)
            {
                foreach (var member in perGroup[g])
                {
                    previous[member.Id] = g;
                }
            }

            result.Add((session.Week, perGroup));
        }

        return result;
    }
}
