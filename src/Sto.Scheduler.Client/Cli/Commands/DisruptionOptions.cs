using System.CommandLine;
using System.Globalization;
using Google.Type;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Client.Cli.Commands;

/// <summary>
/// The <c>sto runs replan</c> options, one per disruption kind of the contract (replanning.proto), and their parsing into
/// <see cref="Disruption"/> messages. Every malformed value is a usage error naming the option and the expected form.
/// </summary>
internal sealed class DisruptionOptions
{
    public Option<string[]> StaffUnavailable { get; } = new("--staff-unavailable") { Description = "STAFF@WEEK[,WEEK]: school/staff-id (or full name) is unavailable in those ISO weeks." };

    public Option<string[]> VenueClosed { get; } = new("--venue-closed") { Description = "VENUE@WEEK[,WEEK]: the venue (id or full name) is closed in those weeks." };

    public Option<string[]> VenueCapacity { get; } = new("--venue-capacity") { Description = "VENUE@WEEK[,WEEK]=N: the venue holds N pupils in those weeks (0 closes it)." };

    public Option<string[]> SessionMoved { get; } = new("--session-moved") { Description = "OFFER@WEEK=VENUE,HH:MM-HH:MM: that week's session of school/offer-id moves to the venue and time." };

    public Option<string[]> OfferCancelled { get; } = new("--offer-cancelled") { Description = "school/offer-id (or full name): the elective group is cancelled." };

    public Option<string[]> PupilAdded { get; } = new("--pupil-added") { Description = "school/pupil-id (or full name): a stored pupil joins with their current choices." };

    public Option<string[]> PupilRemoved { get; } = new("--pupil-removed") { Description = "school/pupil-id (or full name): the pupil left." };

    public Option<string[]> PupilChangedSchool { get; } = new("--pupil-changed-school") { Description = "PUPIL=SCHOOL: school/pupil-id (or full name) moves to the school (id or full name)." };

    /// <summary>The options in the order shown by --help.</summary>
    public IEnumerable<Option> All => [StaffUnavailable, VenueClosed, VenueCapacity, SessionMoved, OfferCancelled, PupilAdded, PupilRemoved, PupilChangedSchool];

    /// <summary>Every disruption given, in option order.</summary>
    public List<Disruption> Read(ParseResult parse, string subregion)
    {
        var result = new List<Disruption>();
        foreach (var value in parse.GetValue(StaffUnavailable) ?? [])
        {
            var (subject, weeks) = SplitAt(value, "--staff-unavailable");
            result.Add(new Disruption { StaffUnavailable = new Disruption.Types.StaffUnavailable { StaffMember = StaffName(subregion, subject), Weeks = { weeks } } });
        }

        foreach (var value in parse.GetValue(VenueClosed) ?? [])
        {
            var (subject, weeks) = SplitAt(value, "--venue-closed");
            result.Add(Capacity(subregion, subject, weeks, 0));
        }

        foreach (var value in parse.GetValue(VenueCapacity) ?? [])
        {
            var (left, right) = SplitOnce(value, '=', "--venue-capacity", "VENUE@WEEK[,WEEK]=N, e.g. v03@2026-W15=12");
            if (!int.TryParse(right, NumberStyles.None, CultureInfo.InvariantCulture, out var capacity))
            {
                throw Usage("--venue-capacity", value, "VENUE@WEEK[,WEEK]=N with N a whole number ≥ 0, e.g. v03@2026-W15=12");
            }

            var (subject, weeks) = SplitAt(left, "--venue-capacity");
            result.Add(Capacity(subregion, subject, weeks, capacity));
        }

        foreach (var value in parse.GetValue(SessionMoved) ?? [])
        {
            result.Add(Moved(subregion, value));
        }

        foreach (var value in parse.GetValue(OfferCancelled) ?? [])
        {
            result.Add(new Disruption { OfferCancelled = new Disruption.Types.OfferCancelled { ElectiveOffer = OfferName(subregion, value, "--offer-cancelled") } });
        }

        foreach (var value in parse.GetValue(PupilAdded) ?? [])
        {
            result.Add(new Disruption { PupilAdded = new Disruption.Types.PupilAdded { Pupil = Names.Pupil(subregion, value) } });
        }

        foreach (var value in parse.GetValue(PupilRemoved) ?? [])
        {
            result.Add(new Disruption { PupilRemoved = new Disruption.Types.PupilRemoved { Pupil = Names.Pupil(subregion, value) } });
        }

        foreach (var value in parse.GetValue(PupilChangedSchool) ?? [])
        {
            var (pupil, school) = SplitOnce(value, '=', "--pupil-changed-school", "PUPIL=SCHOOL, e.g. s01/p0001=s02");
            result.Add(new Disruption { PupilChangedSchool = new Disruption.Types.PupilChangedSchool { Pupil = Names.Pupil(subregion, pupil), School = Names.School(subregion, school) } });
        }

        return result;
    }

    private static Disruption Capacity(string subregion, string venue, string[] weeks, int capacity) => new()
    {
        VenueCapacityChanged = new Disruption.Types.VenueCapacityChanged { Venue = Names.SubregionChild(subregion, venue, "venues"), Weeks = { weeks }, PupilCapacity = capacity },
    };

    /// <summary>"s01/booglas@2026-W14=v03,13:30-15:30".</summary>
    private static Disruption Moved(string subregion, string value)
    {
        const string Option = "--session-moved";
        const string Form = "OFFER@WEEK=VENUE,HH:MM-HH:MM, e.g. s01/booglas@2026-W14=v03,13:30-15:30";
        var (left, right) = SplitOnce(value, '=', Option, Form);
        var (offer, weeks) = SplitAt(left, Option);
        var parts = right.Split(',', StringSplitOptions.TrimEntries);
        var times = parts.Length == 2 ? parts[1].Split('-', StringSplitOptions.TrimEntries) : [];
        if (weeks.Length != 1 || parts[0].Length == 0 || times.Length != 2
            || !TryTime(times[0], out var start) || !TryTime(times[1], out var end))
        {
            throw Usage(Option, value, Form);
        }

        return new Disruption
        {
            SessionMoved = new Disruption.Types.SessionMoved
            {
                ElectiveOffer = OfferName(subregion, offer, Option),
                Week = weeks[0],
                Venue = Names.SubregionChild(subregion, parts[0], "venues"),
                StartTime = start,
                EndTime = end,
            },
        };
    }

    private static bool TryTime(string text, out TimeOfDay time)
    {
        var ok = TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        time = new TimeOfDay { Hours = parsed.Hour, Minutes = parsed.Minute };
        return ok;
    }

    private static (string Left, string Right) SplitOnce(string value, char separator, string option, string form)
    {
        var at = value.LastIndexOf(separator);
        return at > 0 && at < value.Length - 1 ? (value[..at].Trim(), value[(at + 1)..].Trim()) : throw Usage(option, value, form);
    }

    private static (string Subject, string[] Weeks) SplitAt(string value, string option)
    {
        var at = value.LastIndexOf('@');
        var weeks = at < 0 ? [] : value[(at + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (at <= 0 || weeks.Length == 0)
        {
            throw new CliException(ExitCodes.Usage, $"{option} '{value}': expected ID@WEEK[,WEEK], e.g. s01/de-vries@2026-W14,2026-W15.");
        }

        return (value[..at], [.. weeks.Select(w => WeekRange.Parse(w, option).Single())]);
    }

    private static string StaffName(string subregion, string value)
    {
        if (value.StartsWith("regions/", StringComparison.Ordinal))
        {
            return value;
        }

        var parts = value.Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0)
            ? $"{subregion}/schools/{parts[0]}/staffMembers/{parts[1]}"
            : throw new CliException(ExitCodes.Usage, $"--staff-unavailable '{value}': expected school/staff-id (e.g. s01/de-vries) or a full name.");
    }

    private static string OfferName(string subregion, string value, string option) =>
        value.StartsWith("regions/", StringComparison.Ordinal) || value.Split('/') is [{ Length: > 0 }, { Length: > 0 }]
            ? Names.OfferReference(subregion, "", value)
            : throw new CliException(ExitCodes.Usage, $"{option} '{value}': expected school/offer-id (e.g. s01/booglas) or a full name.");

    private static CliException Usage(string option, string value, string form) =>
        new(ExitCodes.Usage, $"{option} '{value}': expected {form}.");
}
