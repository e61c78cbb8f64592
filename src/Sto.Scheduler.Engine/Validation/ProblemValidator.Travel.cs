namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    private static void ValidateTravelLegs(Context context)
    {
        var seen = new Dictionary<(string, string), string>();
        foreach (var (leg, path) in context.Entries(context.Problem.TravelLegs, "travelLegs"))
        {
            var fromKnown = CheckReference(context, leg.From, context.SiteIds, $"{path}.from", "a travel leg", "start site", IssueCodes.UnknownSite, "school or venue");
            var toKnown = CheckReference(context, leg.To, context.SiteIds, $"{path}.to", "a travel leg", "end site", IssueCodes.UnknownSite, "school or venue");
            var name = $"the travel leg from {Quote(leg.From)} to {Quote(leg.To)}";
            AtLeast(context, leg.DistanceKm, 0, $"{path}.distanceKm", $"the distance in km of {name}");
            AtLeast(context, leg.BikeMinutes, 0, $"{path}.bikeMinutes", $"the bike minutes of {name}");
            AtLeast(context, leg.BusMinutes, 0, $"{path}.busMinutes", $"the bus minutes of {name}");
            AtLeast(context, leg.CarMinutes, 0, $"{path}.carMinutes", $"the car minutes of {name}");
            if (fromKnown && toKnown && !seen.TryAdd((leg.From, leg.To), path))
            {
                context.Add(path, IssueCodes.DuplicateTravelLeg, $"{name} is already given by {seen[(leg.From, leg.To)]}.");
            }
        }
    }
}
