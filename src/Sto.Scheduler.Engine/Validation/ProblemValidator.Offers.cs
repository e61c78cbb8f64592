using System.Collections.Immutable;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using static System.FormattableString;

namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    private static void ValidateOffers(Context context)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (offer, path) in context.Entries(context.Problem.Offers, "offers"))
        {
            CheckUniqueId(context, seen, offer.Id.Value, $"{path}.id", "Offer");
            var name = $"offer {Quote(offer.Id.Value)}";
            RequireText(context, offer.ElectiveCode, $"{path}.electiveCode", $"The elective code of {name}");
            RequireText(context, offer.Name, $"{path}.name", $"The name of {name}");
            RequireText(context, offer.RequiredQualification, $"{path}.requiredQualification", $"The required qualification of {name}");
            if (offer.HostSchool is { } host)
            {
                CheckReference(context, host.Value, context.SchoolIds, $"{path}.hostSchool", name, "host school", IssueCodes.UnknownSchool, "school");
            }

            CheckGroupSizes(context, offer, path, name);
            CheckSeats(context, offer, path, name);
            CheckSessions(context, offer, path, name);
            CheckEligibility(context, offer.Eligibility, $"{path}.eligibility");
            CheckKitNeeds(context, offer, path, name);
        }
    }

    private static void CheckGroupSizes(Context context, ElectiveOffer offer, string path, string name)
    {
        AtLeast(context, offer.MinGroupSize, 1, $"{path}.minGroupSize", $"The minimum group size of {name}");
        if (offer.MaxGroupSize < offer.MinGroupSize)
        {
            context.Add(
                $"{path}.maxGroupSize",
                IssueCodes.ValueOutOfRange,
                Invariant($"{name} has a maximum group size of {offer.MaxGroupSize}, below its minimum of {offer.MinGroupSize}."));
        }

        AtLeast(context, offer.MaxParallelGroups, 1, $"{path}.maxParallelGroups", $"The number of parallel groups of {name}");
    }

    /// <summary>
    /// The seat rules of one offer on its own (open to somebody, reserved and open seats within what its groups
    /// hold), so a service can check an offer when it is written instead of at the next run. Paths are relative to
    /// the offer ("openSeats").
    /// </summary>
    public static ImmutableArray<ValidationIssue> ValidateOfferSeats(ElectiveOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var context = new Context(new SchedulingProblem { Offers = [offer] });
        CheckSeats(context, offer, "", $"offer {Quote(offer.Id.Value)}");
        return [.. context.Issues.Select(i => i with { Path = i.Path.TrimStart('.') })];
    }

    private static void CheckSeats(Context context, ElectiveOffer offer, string path, string name)
    {
        AtLeast(context, offer.OwnPupilSeats, 0, $"{path}.ownPupilSeats", $"The own-pupil seats of {name}");
        AtLeast(context, offer.OpenSeats, 0, $"{path}.openSeats", $"The open seats of {name}");
        if (offer.HostSchool is null && offer.OpenSeats == 0)
        {
            context.Add(
                $"{path}.openSeats",
                IssueCodes.ClosedToEveryone,
                $"{name} has no host school and no open seats, so no pupil could ever join it; give it open seats or a host school.");
        }

        // Only compare the seat split with the capacity when every part of it is itself sensible.
        if (offer.OwnPupilSeats < 0 || offer.OpenSeats < 0 || offer.MaxGroupSize < 1 || offer.MaxParallelGroups < 1)
        {
            return;
        }

        var total = (long)offer.MaxGroupSize * offer.MaxParallelGroups;
        if ((long)offer.OwnPupilSeats + offer.OpenSeats > total)
        {
            context.Add(
                $"{path}.openSeats",
                IssueCodes.SeatsExceedCapacity,
                Invariant($"{name} reserves {offer.OwnPupilSeats} own-pupil seats and {offer.OpenSeats} open seats, more than its {total} seats ({offer.MaxParallelGroups} × a maximum group size of {offer.MaxGroupSize})."));
        }
    }

    private static void CheckEligibility(Context context, Eligibility? eligibility, string path)
    {
        if (eligibility is null)
        {
            return;
        }

        var paths = eligibility.Paths.NullToEmpty();
        for (var i = 0; i < paths.Length; i++)
        {
            Defined(context, paths[i], Invariant($"{path}.paths[{i}]"), "Learning path");
        }

        var years = eligibility.Years.NullToEmpty();
        for (var i = 0; i < years.Length; i++)
        {
            SchoolYear(context, years[i], Invariant($"{path}.years[{i}]"), "An eligible school year");
        }

        var profiles = eligibility.Profiles.NullToEmpty();
        for (var i = 0; i < profiles.Length; i++)
        {
            RequireText(context, profiles[i], Invariant($"{path}.profiles[{i}]"), "An eligible profile");
        }

        var prerequisites = eligibility.PrerequisiteElectives.NullToEmpty();
        for (var i = 0; i < prerequisites.Length; i++)
        {
            RequireText(context, prerequisites[i], Invariant($"{path}.prerequisiteElectives[{i}]"), "A prerequisite elective");
        }
    }

    private static void CheckKitNeeds(Context context, ElectiveOffer offer, string path, string name)
    {
        foreach (var (need, needPath) in context.Entries(offer.Kits, $"{path}.kits"))
        {
            CheckReference(context, need.Kit.Value, context.KitIds, $"{needPath}.kit", name, "kit need", IssueCodes.UnknownKit, "kit");
            AtLeast(context, need.CountPerGroup, 1, $"{needPath}.countPerGroup", $"The kits per group {name} needs");
        }
    }
}
