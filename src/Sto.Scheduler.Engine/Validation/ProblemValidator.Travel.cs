namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    private static void ValidateTravelLegs(Context context)
    {
        var seen = new Dictionary<(string, string), string>();
        foreach (var (leg, path) in context.Entries(context.Problem.TravelLegs, "travelLegs"))
        {
            var fromKnown = CheckReference(context, leg.From, context.SiteIds, $"{path}.from", "The start of a travel leg", IssueCodes.UnknownSite, "school or venue");
            var toKnown = CheckReference(context, leg.To, context.SiteIds, $"{path}.to", "The end of a travel leg", IssueCodes.UnknownSite, "school or venue");
            var name = $"The travel leg from {Quote(leg.From)} to {Quote(leg.To)}";
            AtLeast(context, leg.DistanceKm, 0, $"{path}.distanceKm", $"{name}: distance in km");
            AtLeast(context, leg.BikeMinutes, 0, $"{path}.bikeMinutes", $"{name}: bike minutes");
            AtLeast(context, leg.BusMinutes, 0, $"{path}.busMinutes", $"{name}: bus minutes");
            AtLeast(context, leg.CarMinutes, 0, $"{path}.carMinutes", $"{name}: car minutes");
            if (fromKnown && toKnown && !seen.TryAdd((leg.From, leg.To), path))
            {
                context.Add(path, IssueCodes.DuplicateTravelLeg, $"{name} is already given by {seen[(leg.From, leg.To)]}.");
            }
        }
    }
}
