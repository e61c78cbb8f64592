using System.Globalization;
using Google.OrTools.Sat;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;

namespace Sto.Scheduler.Engine.Modeling;

internal sealed partial class AllocationModelBuilder
{
    private bool CanWork(StaffMember staff, ElectiveOffer offer, Session session) =>
        StaffRules.CanStaff(staff, offer, _problem.Rules)
        && staff.IsAvailableIn(session.Week)
        && StaffRules.CanReach(staff, session, _problem.Afternoon, _index.Travel);

    /// <summary>An offer that lacks any ratio-counting staff, or any qualified docent, in a week it meets can never run.</summary>
    private void FindDeadOffersByStaff()
    {
        var rules = _problem.Rules;
        for (var o = 0; o < _offers.Length; o++)
        {
            if (_deadOffers.ContainsKey(o) || _pairsByOffer[o].Count == 0)
            {
                continue;
            }

            // Who may staff the offer at all does not depend on the week: filter once, then per session only
            // availability and reach, stopping as soon as both kinds of staff are found.
            var offer = _offers[o];
            var qualifiedForOffer = _staff.Where(s => StaffRules.CanStaff(s, offer, rules)).ToList();
            foreach (var session in offer.Sessions)
            {
                bool anyRatio = false, anyDocent = false;
                foreach (var s in qualifiedForOffer)
                {
                    if (!s.IsAvailableIn(session.Week) || !StaffRules.CanReach(s, session, _problem.Afternoon, _index.Travel))
                    {
                        continue;
                    }

                    anyRatio |= StaffRules.CountsForRatio(s, rules);
                    anyDocent |= StaffRules.IsQualifiedDocent(s);
                    if (anyRatio && (anyDocent || !rules.RequireQualifiedDocentPerGroup))
                    {
                        break;
                    }
                }

                if (!anyRatio)
                {
                    _deadOffers[o] = $"no-staff:{session.Week}";
                    break;
                }

                if (rules.RequireQualifiedDocentPerGroup && !anyDocent)
                {
                    _deadOffers[o] = $"no-qualified-docent:{session.Week}";
                    break;
                }
            }
        }
    }

    /// <summary>
    /// HARD · staff-pupil-ratio and staff-assignment: in every week an offer meets, ratio-counting staff ≥ the
    /// option's need (⌈n/15⌉ per group for practical, 1 per group for theory) and qualified docents ≥ groups;
    /// a staff member works in at most one offer per week, only when available, qualified and able to get there.
    /// </summary>
    private void AddStaffing()
    {
        BuildStaffTypes();
        BuildWeekClasses();
        var rules = _problem.Rules;
        foreach (var weekClass in _weekClasses)
        {
            var week = weekClass.Weeks[0];
            var slotsByType = new Dictionary<int, List<IntVar>>();
            foreach (var o in weekClass.MeetingOffers)
            {
                var offer = _offers[o];
                var session = offer.Sessions.First(s => s.Week == week);
                var ratioStaff = LinearExpr.NewBuilder();
                var docents = LinearExpr.NewBuilder();
                foreach (var type in _staffTypes)
                {
                    var staff = _staff[type.Members[0]];
                    var counts = StaffRules.CountsForRatio(staff, rules);
                    var qualified = StaffRules.IsQualifiedDocent(staff);
                    if ((!counts && !qualified) || !CanWork(staff, offer, session))
                    {
                        continue;
                    }

                    var capacity = type.Members.Count;
                    var slot = _model.NewIntVar(0, capacity, string.Create(CultureInfo.InvariantCulture, $"staff[{staff.Id}+{capacity - 1}->{offer.Id}@c{weekClass.Number}]"));
                    _staffSlots.Add(new StaffSlot(type.Number, o, weekClass.Number, counts, qualified, capacity, slot));
                    _model.Add(slot == 0).OnlyEnforceIf(_optionVars[o]![0]);
                    if (counts)
                    {
                        ratioStaff.Add(slot);
                    }

                    if (qualified)
                    {
                        docents.Add(slot);
                    }

                    if (!slotsByType.TryGetValue(type.Number, out var list))
                    {
                        slotsByType[type.Number] = list = [];
                    }

                    list.Add(slot);
                }

                var need = session.Kind == SessionKind.Practical ? PracticalStaffNeed(o) : GroupCount(o);
                _model.Add(ratioStaff >= need);
                if (rules.RequireQualifiedDocentPerGroup)
                {
                    _model.Add(docents >= GroupCount(o));
                }
            }

            foreach (var (type, slots) in slotsByType)
            {
                if (slots.Count > 1 || _staffTypes[type].Members.Count < slots.Count)
                {
                    _model.Add(LinearExpr.Sum(slots) <= _staffTypes[type].Members.Count);
                }
            }
        }
    }

    private void BuildStaffTypes()
    {
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var m = 0; m < _staff.Length; m++)
        {
            var staff = _staff[m];
            var key = string.Join('|',
                staff.BaseSite,
                staff.Kind,
                staff.IsQualifiedTeacher,
                string.Join(',', staff.Qualifications.Select(q => q.ToUpperInvariant()).Order(StringComparer.Ordinal)),
                string.Join(',', _problem.Weeks.Where(staff.IsAvailableIn)));
            if (!byKey.TryGetValue(key, out var members))
            {
                byKey[key] = members = [];
                order.Add(key);
            }

            members.Add(m);
        }

        foreach (var key in order)
        {
            _staffTypes.Add(new StaffType(_staffTypes.Count, byKey[key]));
        }
    }

    /// <summary>
    /// Groups weeks into classes per staffing component (offers and staff types linked by qualification): within a
    /// component, weeks with the same sessions and the same available staff types share one set of staff counts.
    /// Components keep a hotspot week of one profile from splitting the weeks of every other profile.
    /// </summary>
    private void BuildWeekClasses()
    {
        var rules = _problem.Rules;
        var live = Enumerable.Range(0, _offers.Length).Where(o => _options[o] is not null).ToList();
        var sets = new DisjointSets(_staffTypes.Count + _offers.Length);
        foreach (var type in _staffTypes)
        {
            var staff = _staff[type.Members[0]];
            if (!StaffRules.CountsForRatio(staff, rules) && !StaffRules.IsQualifiedDocent(staff))
            {
                continue;
            }

            foreach (var o in live)
            {
                if (StaffRules.CanStaff(staff, _offers[o], rules))
                {
                    sets.Union(type.Number, _staffTypes.Count + o);
                }
            }
        }

        var byKey = new Dictionary<string, (List<Week> Weeks, List<int> Offers)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var component in live.GroupBy(o => sets.Find(_staffTypes.Count + o)))
        {
            var types = _staffTypes.Where(t => sets.Find(t.Number) == component.Key).ToList();
            foreach (var week in _problem.Weeks)
            {
                var meeting = new List<int>();
                var key = new System.Text.StringBuilder().Append(component.Key.ToString(CultureInfo.InvariantCulture)).Append('#');
                foreach (var o in component)
                {
                    var session = _offers[o].Sessions.FirstOrDefault(s => s.Week == week);
                    if (session is not null)
                    {
                        meeting.Add(o);
                        key.Append(CultureInfo.InvariantCulture, $"{o}@{session.Venue}/{session.Start:HHmm}-{session.End:HHmm}/{session.Kind};");
                    }
                }

                if (meeting.Count == 0)
                {
                    continue;
                }

                key.Append('|');
                foreach (var type in types.Where(t => _staff[t.Members[0]].IsAvailableIn(week)))
                {
                    key.Append(CultureInfo.InvariantCulture, $"{type.Number},");
                }

                var text = key.ToString();
                if (!byKey.TryGetValue(text, out var entry))
                {
                    byKey[text] = entry = ([], meeting);
                    order.Add(text);
                }

                entry.Weeks.Add(week);
            }
        }

        foreach (var text in order)
        {
            var (weeks, offers) = byKey[text];
            _weekClasses.Add(new WeekClass(_weekClasses.Count, weeks, offers));
        }
    }
}
