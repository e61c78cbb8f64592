using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Modeling;

namespace Sto.Scheduler.Engine.Decoding;

/// <summary>
/// Hands out the people behind the model's per-type staff counts, week class by week class in date order,
/// keeping a person on the offer they staffed before where the counts allow (continuity, domain.md §2.12).
/// </summary>
internal static class StaffTypeDecoder
{
    public static Dictionary<(int Offer, int WeekClass), List<StaffMember>> Decode(AllocationModel model, IReadOnlyList<long> values)
    {
        var result = new Dictionary<(int, int), List<StaffMember>>();
        var lastOffer = new Dictionary<int, int>();
        foreach (var weekClass in model.WeekClasses.OrderBy(c => c.Weeks[0]))
        {
            var slots = model.StaffSlots
                .Where(s => s.WeekClass == weekClass.Number && values[s.Assigned.GetIndex()] > 0)
                .GroupBy(s => s.Type);
            foreach (var byType in slots)
            {
                var free = new List<int>(model.StaffTypes[byType.Key].Members);
                var demand = byType.ToDictionary(s => s.Offer, s => (int)values[s.Assigned.GetIndex()]);
                foreach (var offer in demand.Keys.ToList())
                {
                    foreach (var person in free.Where(p => lastOffer.TryGetValue(p, out var o) && o == offer).ToList())
                    {
                        if (demand[offer] == 0)
                        {
                            break;
                        }

                        Give(offer, person);
                    }
                }

                foreach (var offer in demand.Keys.OrderBy(o => o).ToList())
                {
                    while (demand[offer] > 0 && free.Count > 0)
                    {
                        Give(offer, free[0]);
                    }
                }

                void Give(int offer, int person)
                {
                    if (!result.TryGetValue((offer, weekClass.Number), out var list))
                    {
                        result[(offer, weekClass.Number)] = list = [];
                    }

                    list.Add(model.Staff[person]);
                    free.Remove(person);
                    demand[offer]--;
                    lastOffer[person] = offer;
                }
            }
        }

        return result;
    }
}
