using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Explanation.Diagnosis;

/// <content>Groups, venues, kits and staff of the offers in reach, each rule behind its assumption literal.</content>
internal sealed partial class DiagnosisModel
{
    /// <summary>H5 and H6: group sizes (groups are interchangeable, so sizes suffice), minimum, maximum and open seats.</summary>
    private void AddGroups(ElectiveOffer offer)
    {
        var fixedHolders = FixedHolders(offer);
        var places = _placesAtOffer[offer.Id].ToList();
        var upper = places.Count + fixedHolders.Count;
        var count = Math.Max(1, offer.MaxParallelGroups);
        var sizes = new IntVar[count];
        var runs = new BoolVar[count];
        var maximum = Literal(new DiagnosisAssumption(AssumptionKind.GroupMaximum, offer.Id));
        var minimum = Literal(new DiagnosisAssumption(AssumptionKind.GroupMinimum, offer.Id));
        for (var g = 0; g < count; g++)
        {
            sizes[g] = Model.NewIntVar(0, upper, $"size[{offer.Id}/{g + 1}]");
            runs[g] = Model.NewBoolVar($"runs[{offer.Id}/{g + 1}]");
            Model.Add(sizes[g] <= upper * runs[g]);
            Model.Add(sizes[g] >= runs[g]);
            Model.Add(sizes[g] <= offer.MaxGroupSize).OnlyEnforceIf(maximum);
            Model.Add(sizes[g] >= offer.MinGroupSize).OnlyEnforceIf([minimum, runs[g]]);
            if (g > 0)
            {
                Model.Add(runs[g - 1] >= runs[g]);
            }
        }

        Model.Add(LinearExpr.Sum(sizes) == LinearExpr.Sum(places.Select(p => p.Value)) + fixedHolders.Count);
        _groups[offer.Id] = (sizes, runs);

        var others = places.Where(p => CandidateFilter.IsFromOtherSchool(_movable[p.Key.Pupil.Value ?? ""], offer)).Select(p => p.Value).ToList();
        var fixedOthers = fixedHolders.Count(p => CandidateFilter.IsFromOtherSchool(p, offer));
        if (others.Count > 0)
        {
            Model.Add(LinearExpr.Sum(others) + fixedOthers <= Math.Max(0, offer.OpenSeats))
                .OnlyEnforceIf(Literal(new DiagnosisAssumption(AssumptionKind.OpenSeats, offer.Id)));
        }
    }

    /// <summary>H7: per venue and week, the pupils of offers in reach plus the fixed load of all other groups ≤ capacity.</summary>
    private void AddVenues()
    {
        var users = _scope.Values
            .SelectMany(o => o.Sessions.NullToEmpty().Where(s => s is not null).Select(s => (s.Venue, s.Week, Offer: o)))
            .Distinct()
            .GroupBy(u => (u.Venue, u.Week));
        foreach (var use in users.Where(u => _representativeWeeks.Contains(u.Key.Week)).OrderBy(u => u.Key.Week).ThenBy(u => u.Key.Venue.Value, StringComparer.Ordinal))
        {
            if (!_context.Index.Venues.TryGetValue(use.Key.Venue, out var venue))
            {
                continue;
            }

            var offers = use.Select(u => u.Offer).Distinct().ToList();
            var background = _context.VenueLoad(use.Key.Venue, use.Key.Week) - offers.Sum(o => _context.HoldersOf(o.Id).Length);
            var load = LinearExpr.Sum(offers.SelectMany(o => _groups[o.Id].Size));
            Model.Add(load + background <= venue.CapacityIn(use.Key.Week))
                .OnlyEnforceIf(Literal(new DiagnosisAssumption(AssumptionKind.VenueCapacity, SubjectOffer(offers), use.Key.Week, Venue: use.Key.Venue)));
        }
    }

    /// <summary>H10: per kit and week, kits of running groups in reach plus the fixed use of all other groups ≤ count.</summary>
    private void AddKits()
    {
        var needs = _scope.Values
            .SelectMany(o => ExplanationContext.MeetingWeeks(o).SelectMany(w => o.Kits.NullToEmpty().Where(k => k is not null).Select(k => (k.Kit, Week: w, Offer: o, k.CountPerGroup))))
            .GroupBy(n => (n.Kit, n.Week));
        foreach (var need in needs.Where(n => _representativeWeeks.Contains(n.Key.Week)).OrderBy(n => n.Key.Week).ThenBy(n => n.Key.Kit.Value, StringComparer.Ordinal))
        {
            if (!_context.Index.Kits.TryGetValue(need.Key.Kit, out var kit))
            {
                continue;
            }

            var background = _context.KitUse(need.Key.Kit, need.Key.Week) - need.Sum(n => n.CountPerGroup * _context.GroupsOf(n.Offer.Id).Length);
            var use = LinearExpr.Sum(need.SelectMany(n => _groups[n.Offer.Id].Runs.Select(r => n.CountPerGroup * r)));
            Model.Add(use + background <= kit.Count)
                .OnlyEnforceIf(Literal(new DiagnosisAssumption(AssumptionKind.KitsInWeek, SubjectOffer([.. need.Select(n => n.Offer)]), need.Key.Week, Kit: need.Key.Kit)));
        }
    }

    /// <summary>
    /// H8, H9: per offer in reach and week, the free staff who can staff it (available, able to get there and back, not
    /// with a group outside reach that week) cover ⌈size / ratio⌉ per group and a qualified docent; one group per person.
    /// Staff who are alike that week (same offers they can staff, same kind) are one type with a count, not one variable
    /// each: the same answer with far fewer variables.
    /// </summary>
    private void AddStaff()
    {
        var busyOutside = BusyOutsideReach();
        foreach (var week in _representativeWeeks.Order())
        {
            var meeting = _scope.Values.Where(o => ExplanationContext.SessionsIn(o, week).Length > 0).ToList();
            var canStaff = new Dictionary<StaffId, (StaffMember Staff, List<ElectiveOffer> Offers)>();
            foreach (var offer in meeting)
            {
                foreach (var staff in FreeStaff(offer, week, busyOutside))
                {
                    if (!canStaff.TryGetValue(staff.Id, out var entry))
                    {
                        canStaff[staff.Id] = entry = (staff, []);
                    }

                    entry.Offers.Add(offer);
                }
            }

            var counting = new Dictionary<(OfferId, int), List<IntVar>>();
            var docents = new Dictionary<(OfferId, int), List<IntVar>>();
            var types = canStaff.Values.GroupBy(e => (
                Counts: StaffRules.CountsForRatio(e.Staff, _context.Rules),
                Docent: StaffRules.IsQualifiedDocent(e.Staff),
                Offers: string.Join('|', e.Offers.Select(o => o.Id.Value))));
            foreach (var type in types.OrderBy(t => t.Key.Offers, StringComparer.Ordinal).ThenBy(t => t.Key.Counts).ThenBy(t => t.Key.Docent))
            {
                var size = type.Count();
                var assigned = new List<IntVar>();
                foreach (var offer in type.First().Offers)
                {
                    var runs = _groups[offer.Id].Runs;
                    for (var g = 0; g < runs.Length; g++)
                    {
                        var staffed = Model.NewIntVar(0, size, $"staff[{type.First().Staff.Id}+{size - 1}→{offer.Id}/{g + 1}@{week}]");
                        Model.Add(staffed <= size * runs[g]);
                        assigned.Add(staffed);
                        if (type.Key.Counts)
                        {
                            Add(counting, (offer.Id, g), staffed);
                        }

                        if (type.Key.Docent)
                        {
                            Add(docents, (offer.Id, g), staffed);
                        }
                    }
                }

                Model.Add(LinearExpr.Sum(assigned) <= size);
            }

            foreach (var offer in meeting)
            {
                var (sizes, runs) = _groups[offer.Id];
                var enforced = Literal(new DiagnosisAssumption(AssumptionKind.StaffInWeek, offer.Id, week));
                var practical = ExplanationContext.SessionsIn(offer, week).Any(s => s.Kind == SessionKind.Practical);
                for (var g = 0; g < sizes.Length; g++)
                {
                    var staff = LinearExpr.Sum(counting.GetValueOrDefault((offer.Id, g)) ?? []);
                    Model.Add(practical
                        ? Math.Max(1, _context.Rules.PupilsPerStaffMember) * staff >= sizes[g]
                        : staff >= runs[g]).OnlyEnforceIf(enforced);
                    if (_context.Rules.RequireQualifiedDocentPerGroup)
                    {
                        Model.Add(LinearExpr.Sum(docents.GetValueOrDefault((offer.Id, g)) ?? []) >= runs[g]).OnlyEnforceIf(enforced);
                    }
                }
            }
        }
    }

    /// <summary>Who can staff the offer in the week: qualified, available, able to get there and back, not with a group outside reach.</summary>
    private List<StaffMember> FreeStaff(ElectiveOffer offer, Week week, HashSet<(StaffId Staff, Week Week)> busyOutside)
    {
        var sessions = ExplanationContext.SessionsIn(offer, week);
        return
        [
            .. _context.Index.Staff.Values
                .Where(s => StaffRules.CanStaff(s, offer, _context.Rules) && s.IsAvailableIn(week)
                    && sessions.All(x => StaffRules.CanReach(s, x, _context.Problem.Afternoon, _context.Index.Travel))
                    && !busyOutside.Contains((s.Id, week)))
                .OrderBy(s => s.Id.Value, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// One week per class of weeks that look the same to every offer in reach (sessions, free staff, free venue places,
    /// free kits): their constraints are identical, so the earliest stands for the class. This keeps the model small
    /// on a ten-week period without changing the answer (a reason about the earliest week of its class).
    /// </summary>
    private HashSet<Week> RepresentativeWeeks()
    {
        var busyOutside = BusyOutsideReach();
        var weeks = _scope.Values.SelectMany(o => ExplanationContext.MeetingWeeks(o)).Distinct().Order();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new HashSet<Week>();
        foreach (var week in weeks)
        {
            var signature = new System.Text.StringBuilder();
            foreach (var offer in _scope.Values)
            {
                signature.Append(offer.Id.Value).Append(':');
                foreach (var session in ExplanationContext.SessionsIn(offer, week))
                {
                    var free = _context.Index.Venues.TryGetValue(session.Venue, out var venue)
                        ? venue.CapacityIn(week) - _context.VenueLoad(session.Venue, week) : 0;
                    signature.Append(session.Venue.Value).Append(',').Append(session.Kind).Append(',').Append(free).Append(';');
                }

                foreach (var need in offer.Kits.NullToEmpty().Where(k => k is not null))
                {
                    var count = _context.Index.Kits.TryGetValue(need.Kit, out var kit) ? kit.Count : 0;
                    signature.Append(need.Kit.Value).Append('=').Append(count - _context.KitUse(need.Kit, week)).Append(';');
                }

                if (ExplanationContext.SessionsIn(offer, week).Length > 0)
                {
                    signature.AppendJoin(',', FreeStaff(offer, week, busyOutside).Select(s => s.Id.Value));
                }

                signature.Append('|');
            }

            if (seen.Add(signature.ToString()))
            {
                result.Add(week);
            }
        }

        return result;
    }

    /// <summary>(staff, week) pairs the plan gave to a group of an offer outside reach.</summary>
    private HashSet<(StaffId Staff, Week Week)> BusyOutsideReach()
    {
        var busy = new HashSet<(StaffId, Week)>();
        foreach (var group in _context.Allocation.Groups.NullToEmpty().Where(g => g is not null && !_scope.ContainsKey(g.Offer.Value ?? "")))
        {
            foreach (var entry in group.Staffing.NullToEmpty().Where(e => e is not null))
            {
                foreach (var staff in entry.Staff.NullToEmpty())
                {
                    busy.Add((staff, entry.Week));
                }
            }
        }

        return busy;
    }

    /// <summary>The offer a shared-resource reason is shown under: a focus offer when one uses it, else the first by id.</summary>
    private OfferId SubjectOffer(IReadOnlyList<ElectiveOffer> offers) =>
        offers.OrderBy(o => _focus.Contains(o.Id) ? 0 : 1)
            .ThenBy(o => o.Id.Value, StringComparer.Ordinal)
            .First().Id;

    private static void Add<TKey>(Dictionary<TKey, List<IntVar>> map, TKey key, IntVar value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
