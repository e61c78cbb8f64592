using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Grpc.Errors;
using Sto.Scheduler.Grpc.Persistence;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>What a write may refer to in its subregion: the period's weeks and the stored resources' names.</summary>
public sealed record ReferenceFacts(
    string Subregion,
    IReadOnlySet<Week> PeriodWeeks,
    IReadOnlySet<string> Schools,
    IReadOnlySet<string> Venues,
    IReadOnlySet<string> Kits,
    IReadOnlySet<string> Offers)
{
    /// <summary>The facts of a stored subregion, or null when it does not exist.</summary>
    public static async Task<ReferenceFacts?> LoadAsync(ResourceStore store, string subregion, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync<Api.V1.Subregion>(subregion, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var weeks = new HashSet<Week>();
        foreach (var text in stored.Message.Weeks)
        {
            if (Week.TryParse(text, out var week))
            {
                weeks.Add(week);
            }
        }

        string[] kinds =
        [
            ResourceStore.KindOf<Api.V1.School>(), ResourceStore.KindOf<Api.V1.Venue>(),
            ResourceStore.KindOf<Api.V1.EquipmentKit>(), ResourceStore.KindOf<Api.V1.ElectiveOffer>(),
        ];
        var names = await store.ListNamesByKindInSubregionAsync(subregion, kinds, cancellationToken);
        return new ReferenceFacts(subregion, weeks, names[kinds[0]], names[kinds[1]], names[kinds[2]], names[kinds[3]]);
    }
}

/// <summary>
/// Checks of what a resource refers to, against the stored subregion (<see cref="ReferenceFacts"/>): referenced
/// resources exist, weeks lie in the period. Run after <see cref="ResourceValidation"/>; a field that already has a
/// violation there is not reported again.
/// </summary>
public static class ReferenceValidation
{
    public static void Venue(Api.V1.Venue s, string path, ReferenceFacts facts, FieldViolations v)
    {
        if (s.School.Length > 0)
        {
            Exists(s.School, facts.Schools, "School", $"{path}.school", v);
        }
    }

    public static void ElectiveOffer(Api.V1.ElectiveOffer o, string path, ReferenceFacts facts, FieldViolations v)
    {
        for (var i = 0; i < o.Sessions.Count; i++)
        {
            InPeriod(o.Sessions[i].Week, facts, $"{path}.sessions[{i}].week", v);
            Exists(o.Sessions[i].Venue, facts.Venues, "Venue", $"{path}.sessions[{i}].venue", v);
        }

        for (var i = 0; i < o.KitNeeds.Count; i++)
        {
            Exists(o.KitNeeds[i].EquipmentKit, facts.Kits, "EquipmentKit", $"{path}.kit_needs[{i}].equipment_kit", v);
        }
    }

    public static void Pupil(Api.V1.Pupil p, string path, ReferenceFacts facts, FieldViolations v)
    {
        for (var i = 0; i < p.Choices.Count; i++)
        {
            Exists(p.Choices[i].ElectiveOffer, facts.Offers, "ElectiveOffer", $"{path}.choices[{i}].elective_offer", v);
        }
    }

    public static void StaffMember(Api.V1.StaffMember s, string path, ReferenceFacts facts, FieldViolations v)
    {
        if (s.BaseSite.Length > 0 && !facts.Schools.Contains(s.BaseSite) && !facts.Venues.Contains(s.BaseSite))
        {
            v.Add($"{path}.base_site", $"No School or Venue '{s.BaseSite}' exists in this subregion.");
        }

        for (var i = 0; i < s.AvailableWeeks.Count; i++)
        {
            InPeriod(s.AvailableWeeks[i], facts, $"{path}.available_weeks[{i}]", v);
        }
    }

    private static void Exists(string name, IReadOnlySet<string> known, string type, string field, FieldViolations v)
    {
        if (!known.Contains(name))
        {
            v.Add(field, $"No {type} '{name}' exists in this subregion.");
        }
    }

    private static void InPeriod(string text, ReferenceFacts facts, string field, FieldViolations v)
    {
        if (Week.TryParse(text, out var week) && !facts.PeriodWeeks.Contains(week))
        {
            v.Add(field, $"{week} is not a week of the subregion's period ({Period(facts.PeriodWeeks)}).");
        }
    }

    private static string Period(IReadOnlySet<Week> weeks) =>
        weeks.Count == 0 ? "it has no weeks" : $"{weeks.Min()}..{weeks.Max()}, {weeks.Count} weeks";
}
