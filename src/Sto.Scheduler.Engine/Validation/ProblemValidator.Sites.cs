using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Feasibility;
using static System.FormattableString;

namespace Sto.Scheduler.Engine.Validation;

public static partial class ProblemValidator
{
    private static void ValidateSchools(Context context)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (school, path) in context.Entries(context.Problem.Schools, "schools"))
        {
            CheckUniqueId(context, seen, school.Id.Value, $"{path}.id", "School");
            var name = $"school {Quote(school.Id.Value)}";
            CheckLocation(context, school.Location, $"{path}.location", name);
            CheckSchoolTimes(context, school, path, name);
            var paths = school.Paths.NullToEmpty();
            for (var i = 0; i < paths.Length; i++)
            {
                Defined(context, paths[i], Invariant($"{path}.paths[{i}]"), "Learning path");
            }
        }
    }

    private static void CheckSchoolTimes(Context context, School school, string path, string name)
    {
        var afternoon = context.Afternoon;
        var release = school.ReleaseTime;
        if (release < afternoon.Start || release >= afternoon.End)
        {
            context.Add(
                $"{path}.releaseTime",
                IssueCodes.OutsideAfternoon,
                $"{name} releases its pupils at {Time(release)}, outside the common afternoon {Time(afternoon.Start)}–{Time(afternoon.End)}.");
        }

        if (school.ReturnBy is not { } returnBy)
        {
            return;
        }

        if (returnBy <= release)
        {
            context.Add(
                $"{path}.returnBy",
                IssueCodes.ReturnNotAfterRelease,
                $"{name} wants its pupils back at {Time(returnBy)}, which is not after their release at {Time(release)}.");
        }
        else if (returnBy > afternoon.End)
        {
            context.Add(
                $"{path}.returnBy",
                IssueCodes.OutsideAfternoon,
                $"{name} wants its pupils back at {Time(returnBy)}, after the common afternoon ends at {Time(afternoon.End)}.");
        }
    }

    private static void ValidateVenues(Context context)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (venue, path) in context.Entries(context.Problem.Venues, "venues"))
        {
            CheckUniqueId(context, seen, venue.Id.Value, $"{path}.id", "Venue");
            if (venue.Id.Value is { Length: > 0 } id && context.SchoolIds.Contains(id))
            {
                context.Add(
                    $"{path}.id",
                    IssueCodes.SiteIdCollision,
                    $"Venue id {Quote(id)} is also a school id; schools and venues share one set of travel sites, so give the venue its own id.");
            }

            var name = $"venue {Quote(venue.Id.Value)}";
            Defined(context, venue.Kind, $"{path}.kind", "Venue kind");
            CheckLocation(context, venue.Location, $"{path}.location", name);
            AtLeast(context, venue.WeeklyPupilCapacity, 0, $"{path}.weeklyPupilCapacity", $"The weekly capacity of {name}");
            if (venue.School is { } school)
            {
                CheckReference(context, school.Value, context.SchoolIds, $"{path}.school", name, "school", IssueCodes.UnknownSchool, "school");
            }

            var hosting = venue.HostingWeeks.NullToEmpty();
            for (var i = 0; i < hosting.Length; i++)
            {
                InPeriod(context, hosting[i], Invariant($"{path}.hostingWeeks[{i}]"), $"{name} hosts in");
            }

            CheckCapacityOverrides(context, venue, path, name);
        }
    }

    private static void CheckCapacityOverrides(Context context, Venue venue, string path, string name)
    {
        var weeks = new HashSet<Week>();
        foreach (var (entry, entryPath) in context.Entries(venue.CapacityOverrides, $"{path}.capacityOverrides"))
        {
            InPeriod(context, entry.Week, $"{entryPath}.week", $"{name} overrides its capacity in");
            if (!weeks.Add(entry.Week))
            {
                context.Add($"{entryPath}.week", IssueCodes.DuplicateOverrideWeek, $"{name} overrides its capacity in {entry.Week} more than once.");
            }

            AtLeast(context, entry.PupilCapacity, 0, $"{entryPath}.pupilCapacity", $"The capacity of {name} in {entry.Week}");
        }
    }

    private static void CheckLocation(Context context, GeoPoint location, string path, string name)
    {
        if (!location.IsValid)
        {
            context.Add(
                path,
                IssueCodes.InvalidCoordinates,
                Invariant($"{name} lies at ({location.Latitude}, {location.Longitude}); latitude must be within -90…90 and longitude within -180…180."));
        }
    }
}
