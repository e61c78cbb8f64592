using Google.Type;
using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Grpc.Errors;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>Wire ⇄ domain conversions of small values, each with its field check.</summary>
public static class Conversions
{
    public static TimeOnly ToTimeOnly(this TimeOfDay? time) =>
        time is null ? default : new TimeOnly(time.Hours, time.Minutes, time.Seconds);

    public static TimeOfDay ToTimeOfDay(this TimeOnly time) =>
        new() { Hours = time.Hour, Minutes = time.Minute, Seconds = time.Second };

    public static Week ToWeek(string text) => Week.Parse(text);

    public static GeoPoint ToGeoPoint(this LatLng? location) =>
        location is null ? default : new GeoPoint(location.Latitude, location.Longitude);

    public static LatLng ToLatLng(this GeoPoint point) => new() { Latitude = point.Latitude, Longitude = point.Longitude };

    public static Date ToDate(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static void CheckWeek(string week, string field, FieldViolations violations)
    {
        if (!Week.TryParse(week, out _))
        {
            violations.Add(field, $"'{week}' is not an ISO week like 2026-W14.");
        }
    }

    public static void CheckWeeks(IReadOnlyList<string> weeks, string field, FieldViolations violations)
    {
        for (var i = 0; i < weeks.Count; i++)
        {
            CheckWeek(weeks[i], $"{field}[{i}]", violations);
        }

        if (weeks.Distinct(StringComparer.OrdinalIgnoreCase).Count() != weeks.Count)
        {
            violations.Add(field, "Weeks must be unique.");
        }
    }

    public static void CheckTime(TimeOfDay? time, string field, FieldViolations violations)
    {
        if (time is not null && (time.Hours is < 0 or > 23 || time.Minutes is < 0 or > 59 || time.Seconds is < 0 or > 59 || time.Nanos != 0))
        {
            violations.Add(field, "Not a time of day (hours 0-23, minutes and seconds 0-59).");
        }
    }

    public static void CheckOrder(TimeOfDay? start, TimeOfDay? end, string field, FieldViolations violations)
    {
        if (start is not null && end is not null && start.ToTimeOnly() >= end.ToTimeOnly())
        {
            violations.Add(field, "Must be after the start time.");
        }
    }

    public static void CheckLocation(LatLng? location, string field, FieldViolations violations)
    {
        if (location is not null && !location.ToGeoPoint().IsValid)
        {
            violations.Add(field, "Latitude must be within -90..90 and longitude within -180..180.");
        }
    }

    public static void CheckNotNegative(long value, string field, FieldViolations violations)
    {
        if (value < 0)
        {
            violations.Add(field, "Must not be negative.");
        }
    }

    /// <summary>A reference to another resource of the same subregion.</summary>
    public static void CheckReference(string reference, ResourcePattern pattern, string ownName, string field, FieldViolations violations)
    {
        if (ResourceNames.Check(reference, pattern, field, violations)
            && Auth.AccessChecks.SubregionOf(reference) != Auth.AccessChecks.SubregionOf(ownName))
        {
            violations.Add(field, "Must belong to the same subregion.");
        }
    }
}
